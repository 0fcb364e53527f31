package io.autowatch.schemasync.intake;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted command, as queued for the worker: everything needed to act without the webhook's body.
 *
 * @param deliveryId  GitHub's {@code X-GitHub-Delivery}: the queue's de-duplication id
 * @param repository  {@code owner/name}
 * @param pullRequest the pull request's number
 * @param commentId   the comment that asked (reactions go on it)
 * @param sender      who commented (the login that must be allowed)
 * @param allowDeletes how many deletes the comment confirmed ({@code esm register --allow-deletes=N}); 0 without
 * @param commit      the commit the command is about: the pushed commit of a {@link Command#RECONCILE}, or the
 *                    pull request's head when the comment came (pinned by the webhook); empty when not known
 * @param headSeenAt  when the pinned head was pushed, as the webhook heard it: a head pushed after the comment was
 *                    not what the commenter saw
 * @param overLimit   why the webhook will not have it carried out (too many commands this hour, {@link
 *                    CommandLimits}): the worker only answers that
 */
public record CommandRequest(
        String deliveryId,
        String repository,
        int pullRequest,
        long commentId,
        String sender,
        Command command,
        int allowDeletes,
        Optional<String> commit,
        Optional<Instant> headSeenAt,
        Optional<String> overLimit) {

    public CommandRequest {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(command, "command");
        if (allowDeletes < 0) {
            throw new IllegalArgumentException("allowDeletes must not be negative");
        }
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(headSeenAt, "headSeenAt");
        Objects.requireNonNull(overLimit, "overLimit");
        if (commit.isPresent() && !commit.get().matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("commit must be a 40-character SHA");
        }
    }

    /** A comment's command. */
    public CommandRequest(
            String deliveryId,
            String repository,
            int pullRequest,
            long commentId,
            String sender,
            Command command,
            int allowDeletes) {
        this(
                deliveryId,
                repository,
                pullRequest,
                commentId,
                sender,
                command,
                allowDeletes,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The same command, about that commit, pushed at {@code at}. */
    public CommandRequest pinnedTo(String sha, Instant at) {
        return new CommandRequest(
                deliveryId,
                repository,
                pullRequest,
                commentId,
                sender,
                command,
                allowDeletes,
                Optional.of(sha),
                Optional.of(at),
                overLimit);
    }

    /** The same command, as GitHub says its comment was written: by {@code author}, confirming those deletes. */
    public CommandRequest writtenBy(String author, int confirmedDeletes) {
        return new CommandRequest(
                deliveryId,
                repository,
                pullRequest,
                commentId,
                author,
                command,
                confirmedDeletes,
                commit,
                headSeenAt,
                overLimit);
    }

    /** The same command, which the worker only answers with {@code why}. */
    public CommandRequest overLimit(String why) {
        return new CommandRequest(
                deliveryId,
                repository,
                pullRequest,
                commentId,
                sender,
                command,
                allowDeletes,
                commit,
                headSeenAt,
                Optional.of(why));
    }

    /**
     * What makes this command the same as another: the comment it came from (a replay under a new delivery id is
     * still the same comment), or the pushed commit.
     */
    public String onceKey() {
        String repo = repository.toLowerCase(Locale.ROOT);
        return switch (command) {
            case RECONCILE -> "push:" + repo + "@" + commit.orElse("");
            // The event's time too: a pull request closed and reopened at the same head is planned again.
            case AUTOPLAN ->
                "autoplan:" + repo + "#" + pullRequest + "@" + commit.orElse("") + "@"
                        + headSeenAt.map(Instant::toEpochMilli).orElse(0L);
            case DRIFT -> "drift:" + repo + "@" + deliveryId;
            case REGISTER, PLAN, HELP -> "comment:" + repo + "#" + commentId;
        };
    }

    /** A push to the default branch: make Datadog match it at {@code commit}. */
    public static CommandRequest reconcile(String deliveryId, String repository, String sender, String commit) {
        return fromEvent(deliveryId, repository, 0, sender, Command.RECONCILE, Optional.of(commit), Optional.empty());
    }

    /**
     * A pull request opened, reopened or pushed to: plan its head {@code headSha}, pushed at {@code at}, without anyone
     * asking. {@code sender} is who pushed.
     */
    public static CommandRequest autoplan(
            String deliveryId, String repository, int pullRequest, String sender, String headSha, Instant at) {
        return fromEvent(
                deliveryId, repository, pullRequest, sender, Command.AUTOPLAN, Optional.of(headSha), Optional.of(at));
    }

    /**
     * The scheduled drift check of {@code repository}'s default branch; {@code runId} names the scheduled run (one
     * check per repository and run, however often the schedule's event is delivered).
     */
    public static CommandRequest drift(String runId, String repository) {
        return fromEvent(runId, repository, 0, "autowatch", Command.DRIFT, Optional.empty(), Optional.empty());
    }

    /** A command no comment gave: no comment to react to, no deletes confirmed, not over a limit (yet). */
    private static CommandRequest fromEvent(
            String deliveryId,
            String repository,
            int pullRequest,
            String sender,
            Command command,
            Optional<String> commit,
            Optional<Instant> headSeenAt) {
        return new CommandRequest(
                deliveryId, repository, pullRequest, 0, sender, command, 0, commit, headSeenAt, Optional.empty());
    }

    /** A command that confirms no deletes. */
    public CommandRequest(
            String deliveryId, String repository, int pullRequest, long commentId, String sender, Command command) {
        this(deliveryId, repository, pullRequest, commentId, sender, command, 0);
    }

    /**
     * A repository's commands run one at a time, in order, whichever pull request or push they come from: the FIFO
     * queue's message group. Two commands that create the same monitor at once would both see none and make two.
     */
    public String group() {
        return repository.toLowerCase(Locale.ROOT);
    }
}
