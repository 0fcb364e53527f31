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
 */
public record CommandRequest(
        String deliveryId, String repository, int pullRequest, long commentId, String sender, Command command) {

    public CommandRequest {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(command, "command");
    }

    /** Commands on one pull request run one at a time, in order: the FIFO queue's message group. */
    public String group() {
        return repository + "#" + pullRequest;
    }
}
