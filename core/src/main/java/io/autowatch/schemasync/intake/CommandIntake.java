package io.autowatch.schemasync.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What the webhook does with an accepted command: once per GitHub delivery, pinned to the pull request's head as
 * the webhook last heard of it, handed to the worker's queue.
 */
public final class CommandIntake {

    /** What became of a command. */
    public enum Outcome {
        QUEUED,
        /** GitHub delivered it before (a redelivery): it was not queued again. */
        DUPLICATE,
        /** Over a command limit for the first time this hour: queued only to be answered with when to try again. */
        OVER_LIMIT,
        /** Over a command limit again this hour: dropped (it was answered once). */
        DROPPED
    }

    private final DeliveryLedger deliveries;
    private final PullRequestHeads heads;
    private final Consumer<CommandRequest> queue;
    private final CommandCounter counter;
    private final KnownRepositories repositories;
    private final Clock clock;

    public CommandIntake(
            DeliveryLedger deliveries,
            PullRequestHeads heads,
            Consumer<CommandRequest> queue,
            CommandCounter counter,
            KnownRepositories repositories,
            Clock clock) {
        this.deliveries = deliveries;
        this.heads = heads;
        this.queue = queue;
        this.counter = counter;
        this.repositories = repositories;
        this.clock = clock;
    }

    public Outcome accept(CommandRequest command) {
        // Keyed by the comment (or the pushed commit), not GitHub's delivery id, which is not signed.
        if (!deliveries.firstTime(command.onceKey())) {
            return Outcome.DUPLICATE;
        }
        try {
            // Before the limits: a repository in use is checked for drift even when its commands are over them.
            repositories.remember(command.repository());
            CommandLimits.Verdict verdict = CommandLimits.count(command, counter, clock.instant());
            if (verdict instanceof CommandLimits.Drop) {
                return Outcome.DROPPED;
            }
            CommandRequest pinned = command.commit().isPresent()
                    ? command
                    : heads.head(command.repository(), command.pullRequest())
                            .map(head -> command.pinnedTo(head.sha(), head.at()))
                            .orElse(command);
            if (verdict instanceof CommandLimits.Answer answer) {
                pinned = pinned.overLimit(answer.why());
            }
            queue.accept(pinned);
            return pinned.overLimit().isPresent() ? Outcome.OVER_LIMIT : Outcome.QUEUED;
        } catch (RuntimeException e) {
            deliveries.forget(command.onceKey()); // not handed on: a redelivery must be accepted
            throw e;
        }
    }

    /** A pull request's head moved (opened, pushed to, reopened). */
    public void headMoved(String repository, int pullRequest, String headSha, Instant at) {
        heads.moved(repository, pullRequest, headSha, at);
    }
}
