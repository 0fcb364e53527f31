package io.autowatch.schemasync.intake;

import io.autowatch.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The scheduled drift check's start: one {@link Command#DRIFT} per known repository onto the worker's queue, where it
 * runs in turn with that repository's commands (never beside a {@code esm register} that writes the same monitors).
 * One repository's failure to queue does not stop the others.
 */
public final class DriftStart {

    private static final Log LOG = Log.of(DriftStart.class);

    private final KnownRepositories repositories;
    private final Consumer<CommandRequest> queue;

    public DriftStart(KnownRepositories repositories, Consumer<CommandRequest> queue) {
        this.repositories = repositories;
        this.queue = queue;
    }

    /** What one run queued, and the repositories it could not queue. */
    public record Started(List<String> queued, List<String> failed) {}

    /**
     * @param runId names the scheduled run (its time): a twin delivery of the same run queues nothing new, since the
     *              queue drops a second message with the same de-duplication id
     * @throws IllegalStateException when any repository could not be queued, after trying all of them, so that the
     *     scheduler retries the run
     */
    public Started start(String runId) {
        List<String> queued = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String repository : repositories.all()) {
            try {
                queue.accept(CommandRequest.drift(runId, repository));
                queued.add(repository);
            } catch (RuntimeException e) {
                LOG.error("drift_queue_failed", "repository", repository, "error", e.toString());
                failed.add(repository);
            }
        }
        LOG.info("drift_started", "run", runId, "queued", queued.size(), "failed", failed.size());
        if (!failed.isEmpty()) {
            throw new IllegalStateException("could not queue the drift check of " + failed.size() + " of "
                    + (failed.size() + queued.size()) + " repositories: " + String.join(", ", failed));
        }
        return new Started(List.copyOf(queued), List.of());
    }
}
