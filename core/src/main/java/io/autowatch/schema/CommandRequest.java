package io.autowatch.schema;

import java.util.Objects;

/**
 * An accepted command, as queued for the worker: everything needed to act without the webhook's body.
 *
 * @param deliveryId  GitHub's {@code X-GitHub-Delivery}: the queue's de-duplication id
 * @param repository  {@code owner/name}
 * @param pullRequest the pull request's number
 * @param commentId   the comment that asked (reactions go on it)
 * @param sender      who commented (the login that must be allowed)
 * @param allowDeletes how many deletes the comment confirmed ({@code esm register --allow-deletes=N}); 0 without
 */
public record CommandRequest(
        String deliveryId,
        String repository,
        int pullRequest,
        long commentId,
        String sender,
        Command command,
        int allowDeletes) {

    public CommandRequest {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(command, "command");
        if (allowDeletes < 0) {
            throw new IllegalArgumentException("allowDeletes must not be negative");
        }
    }

    /** A command that confirms no deletes. */
    public CommandRequest(
            String deliveryId, String repository, int pullRequest, long commentId, String sender, Command command) {
        this(deliveryId, repository, pullRequest, commentId, sender, command, 0);
    }

    /** Commands on one pull request run one at a time, in order: the FIFO queue's message group. */
    public String group() {
        return repository + "#" + pullRequest;
    }
}
