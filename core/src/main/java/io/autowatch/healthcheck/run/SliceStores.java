package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.ResultStore;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.log.Log;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores a run's results slice by slice, as each is judged. A slice's store does not wait for the one before it:
 * waiting for each slice's slowest batch before the next slice's first one would make the writes a chain of round
 * trips. The stores have threads of their own because each waits for its batches on the run's executor.
 */
final class SliceStores {

    private static final Log LOG = Log.of(HealthCheckService.class);

    /** Slices stored at once: enough to keep the run's executor busy with writes (a slice is 10 batches of 25). */
    private static final int STORES_AT_ONCE = 4;

    private SliceStores() {}

    /**
     * Starts storing; a job whose result could not be stored is added to {@code failures}.
     *
     * @return when the last slice was stored (System.nanoTime), or the failure that stopped the stores
     */
    static CompletableFuture<Long> start(
            JudgedSlices slices, ResultStore results, Map<JobId, FailedJobs.Failure> failures, LocalDate runDay) {
        return CompletableFuture.supplyAsync(
                () -> {
                    // After a store failed the run's way (the table is gone, access denied), the slices still to come
                    // are not stored: the run fails with that failure, and soon, rather than after every retry.
                    AtomicBoolean storeFailed = new AtomicBoolean();
                    try (ExecutorService storing = Executors.newFixedThreadPool(
                            STORES_AT_ONCE,
                            Thread.ofPlatform().name("health-check-store-", 0).factory())) {
                        List<Future<Void>> stores = new ArrayList<>();
                        slices.forEachJudged(part -> {
                            if (!storeFailed.get()) {
                                stores.add(storing.submit(() -> {
                                    if (storeFailed.get()) {
                                        return null;
                                    }
                                    try {
                                        store(results, part, failures, runDay);
                                    } catch (SystemFailureException e) {
                                        storeFailed.set(true);
                                        throw e;
                                    }
                                    return null;
                                }));
                            }
                        });
                        Parallel.awaitAll(stores);
                    }
                    return System.nanoTime();
                },
                runnable -> Thread.ofPlatform().name("health-check-save").start(runnable));
    }

    /** Stores a slice's results; a job whose result could not be stored is a failed job of this run. */
    private static void store(
            ResultStore results, List<CheckResult> part, Map<JobId, FailedJobs.Failure> failures, LocalDate runDay) {
        Set<JobId> unsaved = results.saveAll(part);
        unsaved.forEach(job -> {
            LOG.error("result_not_saved", "job", job, "reason", "storing the result failed after retries");
            failures.putIfAbsent(
                    job, new FailedJobs.Failure(job, runDay, "its result could not be stored in the health table"));
        });
    }
}
