package io.autowatch.schemasync.intake;

import io.autowatch.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The scheduled drift check's start: one {@link Command#DRIFT} per known repository onto the worker's queue, where it
 * runs in turn with that repository's commands (never beside a {@code esm register} that writes the same monitors).
 * One repository's failure to queue does not stop the others.
 */
public final class DriftStart {

    private static final Log LOG = Log.of(DriftStart.class);

    private final KnownRepositories repositories;
    private final Consumer<CommandRequest> queue;
    private final Predicate<String> allowed;

    /** @param allowed the repositories this deployment serves ({@code ALLOWED_REPOSITORIES}); others are not queued */
    public DriftStart(KnownRepositories repositories, Consumer<CommandRequest> queue, Predicate<String> allowed) {
        this.repositories = repositories;
        this.queue = queue;
        this.allowed = allowed;
    }

    /** What one run queued, and the repositories it could not queue. */
    public record Started(List<String> queued, List<String> failed) {}

    /**
     * At most {@link KnownRepositories#MAX} of the repositories, starting at a place that moves with the run, so that
     * over the days every repository is checked however many there are.
     */
    static List<String> todays(List<String> served, String runId) {
        if (served.size() <= KnownRepositories.MAX) {
            return served;
        }
        int start = Math.floorMod(runId.hashCode(), served.size());
        List<String> rotated = new ArrayList<>(served.subList(start, served.size()));
        rotated.addAll(served.subList(0, start));
        return List.copyOf(rotated.subList(0, KnownRepositories.MAX));
    }

    /**
     * @param runId names the scheduled run (its time): a twin delivery of the same run queues nothing new, since the
     *              queue drops a second message with the same de-duplication id
     * @throws IllegalStateException when any repository could not be queued, after trying all of them, so that the
     *     scheduler retries the run
     */
    public Started start(String runId) {
        List<String> queued = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> served = repositories.all().stream().filter(allowed).toList();
        if (served.size() > KnownRepositories.MAX) {
            LOG.warn(
                    "drift_capped",
                    "inUse",
                    served.size(),
                    "checked",
                    KnownRepositories.MAX,
                    "why",
                    "at most " + KnownRepositories.MAX + " per run; a different part is checked each day");
        }
        for (String repository : todays(served, runId)) {
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
