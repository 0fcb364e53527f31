package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.SystemFailureException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A run's jobs judged a slice at a time on the run's executor, each slice's results ready as soon as it is judged,
 * so that storing them and sending their notices can start with judging. Judging is pure and the jobs are independent, so the results are the
 * same as one by one; on more than one core the policies' arithmetic no longer adds up job after job.
 *
 * <p>Judging is arithmetic, so only as many tasks judge as there are processors, each taking the next slice: the
 * executor's other threads stay free for the writes that store the slices already judged.
 */
final class JudgedSlices {

    /**
     * Jobs per slice: enough that a slice outweighs its scheduling, few enough that storing starts early (10,000 jobs
     * make 40 slices). A multiple of a store's batch (DynamoDB writes 25 items at a time), so no batch goes out
     * part-full.
     */
    static final int JOBS_PER_SLICE = 250;

    private final List<CompletableFuture<List<CheckResult>>> slices;

    private JudgedSlices(List<CompletableFuture<List<CheckResult>>> slices) {
        this.slices = slices;
    }

    static JudgedSlices start(
            ExecutorService executor,
            JobCheck jobCheck,
            List<Map.Entry<JobId, CountSeries>> jobs,
            Map<JobId, Map<LocalDate, String>> rejectedByJob) {
        List<List<Map.Entry<JobId, CountSeries>>> parts = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i += JOBS_PER_SLICE) {
            parts.add(jobs.subList(i, Math.min(jobs.size(), i + JOBS_PER_SLICE)));
        }
        List<CompletableFuture<List<CheckResult>>> slices = new ArrayList<>();
        parts.forEach(p -> slices.add(new CompletableFuture<>()));
        AtomicInteger next = new AtomicInteger();
        Runnable judge = () -> {
            for (int i = next.getAndIncrement(); i < parts.size(); i = next.getAndIncrement()) {
                try {
                    slices.get(i)
                            .complete(parts.get(i).stream()
                                    .map(e -> jobCheck.check(
                                            e.getKey(), e.getValue(), rejectedByJob.getOrDefault(e.getKey(), Map.of())))
                                    .flatMap(Optional::stream)
                                    .toList());
                } catch (RuntimeException e) {
                    // Every slice completes, one way or the other: nothing waits for a slice no task will judge.
                    slices.get(i).completeExceptionally(e);
                }
            }
        };
        int judges = Math.min(parts.size(), Runtime.getRuntime().availableProcessors());
        for (int j = 0; j < judges; j++) {
            executor.execute(judge);
        }
        return new JudgedSlices(slices);
    }

    /** The slice's results once it is judged, or empty when judging it failed ({@link #all} throws that failure). */
    Optional<List<CheckResult>> slice(int index) {
        try {
            return Optional.of(slices.get(index).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | CancellationException e) {
            return Optional.empty();
        }
    }

    int size() {
        return slices.size();
    }

    /**
     * Hands every slice, in order, to {@code each} as soon as it is judged, in the calling thread; stops at a slice
     * whose judging failed ({@link #all} throws that failure).
     */
    void forEachJudged(Consumer<List<CheckResult>> each) {
        for (int i = 0; i < slices.size(); i++) {
            Optional<List<CheckResult>> judged = slice(i);
            if (judged.isEmpty()) {
                return;
            }
            each.accept(judged.get());
        }
    }

    /**
     * Waits for every slice, and returns every result by job. When judging failed, throws a
     * {@link SystemFailureException} among the failures if there is one, else the first failure.
     */
    List<CheckResult> all() {
        List<CheckResult> all = new ArrayList<>();
        RuntimeException first = null;
        for (CompletableFuture<List<CheckResult>> slice : slices) {
            try {
                all.addAll(slice.join());
            } catch (CompletionException | CancellationException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : e;
                if (first == null
                        || (failure instanceof SystemFailureException && !(first instanceof SystemFailureException))) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        all.sort(Comparator.comparing(CheckResult::job));
        return List.copyOf(all);
    }
}
