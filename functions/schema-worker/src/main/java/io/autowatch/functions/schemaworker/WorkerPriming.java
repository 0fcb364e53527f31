package io.autowatch.functions.schemaworker;

import io.autowatch.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hooks for the worker (README, Cold starts): before Lambda takes the snapshot of an initialized worker,
 * each client runs its priming step (parsing a sample schema, Datadog's JSON and HTTP path, GitHub's HTTP client and
 * a TLS handshake's first message, all without a request to GitHub or Datadog), so that a worker restored from the
 * snapshot has those classes loaded and warm instead of loading them during the first command. A step that fails
 * is logged and skipped: priming never stops a snapshot. Without SnapStart nothing calls these hooks.
 */
final class WorkerPriming implements Resource {

    private static final Log LOG = Log.of(WorkerPriming.class);

    /** The registered hooks: the CRaC context holds its resources weakly, so this keeps them alive. */
    private static volatile WorkerPriming registered;

    /** One client's warm-up. */
    record Step(String name, Runnable prime) {}

    private final List<Step> steps;
    private final Runnable restored;

    /** @param restored what to do after a restore, before the first event */
    WorkerPriming(List<Step> steps, Runnable restored) {
        this.steps = List.copyOf(steps);
        this.restored = restored;
    }

    /** Registers the hooks with the JVM's checkpoint context (a no-op on a JVM that takes no snapshots). */
    static void register(List<Step> steps, Runnable restored) {
        WorkerPriming priming = new WorkerPriming(steps, restored);
        registered = priming;
        Core.getGlobalContext().register(priming);
    }

    /** The hooks registered in this JVM, if any (for tests and the cold-start benchmark's SnapStart model). */
    static Optional<WorkerPriming> registered() {
        return Optional.ofNullable(registered);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    /** Runs every step, each on its own; returns the names of the steps that failed (logged, and skipped). */
    List<String> prime() {
        long started = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Step step : steps) {
            long stepStarted = System.nanoTime();
            try {
                step.prime().run();
                LOG.info("primed", "step", step.name(), "ms", (System.nanoTime() - stepStarted) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("priming_failed", "step", step.name(), "error", e.toString());
                failed.add(step.name());
            }
        }
        LOG.info(
                "before_snapshot",
                "primed",
                steps.size() - failed.size(),
                "of",
                steps.size(),
                "ms",
                (System.nanoTime() - started) / 1_000_000);
        return failed;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // The clients open their connections when a command needs them; the secrets may have been rotated since the
        // snapshot, which the wiring checks.
        long started = System.nanoTime();
        restored.run();
        LOG.info("restored_from_snapshot", "ms", (System.nanoTime() - started) / 1_000_000);
    }
}
