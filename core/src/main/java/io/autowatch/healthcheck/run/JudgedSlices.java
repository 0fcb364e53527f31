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
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A run's jobs judged a slice at a time on the run's executor, each slice's results ready as soon as it is judged,
 * so that storing them and sending their notices can start with judging. Jobs are added as their counts are read
 * ({@link #add}), and judging starts with the first of them; {@link #close} says no more will come. Judging is pure
 * and the jobs are independent, so the results are the same as one by one.
 *
 * <p>Judging is arithmetic, so only as many tasks judge as there are processors, each taking the next slice: the
 * executor's other threads stay free for the reads still running and the writes that store the slices judged.
 */
final class JudgedSlices {

    /**
     * Jobs per slice: enough that a slice outweighs its scheduling, few enough that storing starts early (10,000 jobs
     * make 40 slices). A multiple of a store's batch (DynamoDB writes 25 items at a time), so no batch goes out
     * part-full.
     */
    static final int JOBS_PER_SLICE = 250;

    private record Pending(
            CompletableFuture<List<CheckResult>> slice,
            JobCheck jobCheck,
            List<Map.Entry<JobId, CountSeries>> jobs,
            Map<JobId, Map<LocalDate, String>> rejectedByJob) {}

    private final ExecutorService executor;
    private final int maxJudges = Runtime.getRuntime().availableProcessors();
    private final AtomicInteger judges = new AtomicInteger();
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final List<CompletableFuture<List<CheckResult>>> slices = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    private JudgedSlices(ExecutorService executor) {
        this.executor = executor;
    }

    /** Slices to which jobs are added as they are read; judged on {@code executor}. */
    static JudgedSlices open(ExecutorService executor) {
        return new JudgedSlices(executor);
    }

    /** All of {@code jobs}, judged in slices; nothing more is added. */
    static JudgedSlices start(
            ExecutorService executor,
            JobCheck jobCheck,
            List<Map.Entry<JobId, CountSeries>> jobs,
            Map<JobId, Map<LocalDate, String>> rejectedByJob) {
        JudgedSlices slices = open(executor);
        slices.add(jobCheck, jobs, rejectedByJob);
        slices.close();
        return slices;
    }

    /** Judges {@code jobs} with {@code jobCheck}, in slices of {@link #JOBS_PER_SLICE}, after those added before. */
    void add(
            JobCheck jobCheck,
            List<Map.Entry<JobId, CountSeries>> jobs,
            Map<JobId, Map<LocalDate, String>> rejectedByJob) {
        for (int i = 0; i < jobs.size(); i += JOBS_PER_SLICE) {
            CompletableFuture<List<CheckResult>> slice = new CompletableFuture<>();
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("jobs added after the last slice");
                }
                slices.add(slice);
                notifyAll();
            }
            pending.add(new Pending(
                    slice, jobCheck, jobs.subList(i, Math.min(jobs.size(), i + JOBS_PER_SLICE)), rejectedByJob));
            startJudge();
        }
    }

    /** No more jobs will be added: once every slice is judged, {@link #forEachJudged} and {@link #all} return. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void startJudge() {
        for (int n = judges.get(); n < maxJudges; n = judges.get()) {
            if (judges.compareAndSet(n, n + 1)) {
                try {
                    executor.execute(this::judgePending);
                } catch (RejectedExecutionException e) {
                    // The executor is shut down (the function is stopping): no slice is left waiting for a judge.
                    judges.decrementAndGet();
                    for (Pending p = pending.poll(); p != null; p = pending.poll()) {
                        p.slice().completeExceptionally(e);
                    }
                }
                return;
            }
        }
    }

    private void judgePending() {
        try {
            for (Pending p = pending.poll(); p != null; p = pending.poll()) {
                judge(p);
            }
        } finally {
            // A slice added after the poll above found none, while this task still counted as a judge, is not left
            // waiting: the count drops first, then the queue is looked at again.
            judges.decrementAndGet();
            if (!pending.isEmpty()) {
                startJudge();
            }
        }
    }

    private static void judge(Pending p) {
        try {
            p.slice()
                    .complete(p.jobs().stream()
                            .map(e -> p.jobCheck()
                                    .check(
                                            e.getKey(),
                                            e.getValue(),
                                            p.rejectedByJob().getOrDefault(e.getKey(), Map.of())))
                            .flatMap(Optional::stream)
                            .toList());
        } catch (RuntimeException e) {
            // Every slice completes, one way or the other: nothing waits for a slice no task will judge.
            p.slice().completeExceptionally(e);
        }
    }

    /** The index-th slice, once it was added; empty when the slices were closed before it. */
    private synchronized Optional<CompletableFuture<List<CheckResult>>> added(int index) throws InterruptedException {
        while (index >= slices.size() && !closed) {
            wait();
        }
        return index < slices.size() ? Optional.of(slices.get(index)) : Optional.empty();
    }

    /** The slice's results once it is judged, or empty when judging it failed ({@link #all} throws that failure). */
    Optional<List<CheckResult>> slice(int index) {
        try {
            Optional<CompletableFuture<List<CheckResult>>> slice = added(index);
            return slice.isEmpty() ? Optional.empty() : Optional.of(slice.get().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | CancellationException e) {
            return Optional.empty();
        }
    }

    /** How many slices there are; final once closed. */
    synchronized int size() {
        return slices.size();
    }

    /**
     * Hands every slice, in order, to {@code each} as soon as it is judged, in the calling thread, until the slices are
     * closed; stops at a slice whose judging failed ({@link #all} throws that failure).
     */
    void forEachJudged(Consumer<List<CheckResult>> each) {
        for (int i = 0; ; i++) {
            Optional<List<CheckResult>> judged = slice(i);
            if (judged.isEmpty()) {
                return;
            }
            each.accept(judged.get());
        }
    }

    /**
     * Waits until the slices are closed and every one is judged, and returns every result by job. When judging failed,
     * throws a {@link SystemFailureException} among the failures if there is one, else the first failure.
     */
    List<CheckResult> all() {
        List<CheckResult> all = new ArrayList<>();
        RuntimeException first = null;
        for (int i = 0; ; i++) {
            Optional<CompletableFuture<List<CheckResult>>> slice;
            try {
                slice = added(i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the judged slices", e);
            }
            if (slice.isEmpty()) {
                break;
            }
            try {
                all.addAll(slice.get().join());
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
