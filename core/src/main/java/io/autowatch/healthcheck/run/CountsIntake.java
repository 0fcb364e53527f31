package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;

/**
 * Takes a run's counts as they are read, part by part, and adds each part's jobs to the {@link JudgedSlices}: a part
 * is judged, stored and told while the next is read. Besides a job's counts, judging needs the open incidents (a job
 * with one is checked even when it wrote nothing: those come last, once every part is in) and the retirements (a
 * retired job that wrote again is checked again); both are read beside the counts, and no job is judged before they
 * are in. Runs on a thread of its own, so a reader's threads only ever hand a part over.
 */
final class CountsIntake {

    private static final Snapshot END = new Snapshot(Map.of(), List.of());
    private static final Snapshot READ_FAILED = new Snapshot(Map.of(), List.of());

    private final CheckRequest request;
    private final LocalDate from;
    private final LocalDate to;
    private final CompletableFuture<Map<JobId, OpenIncident>> openRead;
    private final CompletableFuture<Map<JobId, LocalDate>> retiredRead;
    private final Retirements retirements;
    private final BiFunction<Set<JobId>, Map<JobId, LocalDate>, JobCheck> jobChecks;
    private final JudgedSlices slices;
    private final BlockingQueue<Snapshot> parts = new LinkedBlockingQueue<>();
    private final Set<JobId> withCounts = new HashSet<>(); // read and written by the intake's thread only
    private final CompletableFuture<Void> done;
    private int rejectedCounts; // read and written by the intake's thread only

    /**
     * Starts taking parts at once, on a thread of its own.
     *
     * @param jobChecks the job check for the open incidents' jobs and the retirements in force
     */
    CountsIntake(
            CheckRequest request,
            LocalDate from,
            LocalDate to,
            CompletableFuture<Map<JobId, OpenIncident>> openRead,
            CompletableFuture<Map<JobId, LocalDate>> retiredRead,
            Retirements retirements,
            BiFunction<Set<JobId>, Map<JobId, LocalDate>, JobCheck> jobChecks,
            JudgedSlices slices) {
        this.request = request;
        this.from = from;
        this.to = to;
        this.openRead = openRead;
        this.retiredRead = retiredRead;
        this.retirements = retirements;
        this.jobChecks = jobChecks;
        this.slices = slices;
        this.done = CompletableFuture.runAsync(
                this::takeParts,
                runnable -> Thread.ofPlatform().name("health-check-intake").start(runnable));
    }

    /** Hands a part over (from any thread); never blocks. */
    void accept(Snapshot part) {
        parts.add(part);
    }

    /**
     * Every part is in: the open incidents' jobs that no part held are added, the slices are closed, and this returns
     * once the intake is over.
     *
     * @throws RuntimeException what stopped the intake (the open incidents or retirements could not be read)
     */
    void finish() {
        parts.add(END);
        Futures.join(done);
    }

    /**
     * The read failed: the parts handed over are judged, and nothing else. A job with an open incident whose counts
     * were not read is not judged as if it had written nothing.
     */
    void abandon() {
        parts.add(READ_FAILED);
        Futures.awaitQuietly(done);
    }

    /** The jobs that had valid counts in the days read; once {@link #finish} returned. */
    Set<JobId> withCounts() {
        return Set.copyOf(withCounts);
    }

    /** How many stored items were not valid counts; once {@link #finish} returned. */
    int rejectedCounts() {
        return rejectedCounts;
    }

    private void takeParts() {
        try {
            Map<JobId, OpenIncident> open = Futures.join(openRead);
            Map<JobId, LocalDate> retired = Futures.join(retiredRead);
            Set<JobId> judged = new HashSet<>();
            Snapshot part;
            for (part = parts.take(); part != END && part != READ_FAILED; part = parts.take()) {
                Map<JobId, Map<LocalDate, String>> rejectedByJob = RunJobs.indexRejected(part.rejected());
                rejectedCounts += part.rejected().size();
                withCounts.addAll(part.series().keySet());
                List<Map.Entry<JobId, CountSeries>> jobs =
                        RunJobs.jobsToCheck(request, part.series(), rejectedByJob.keySet(), from, to);
                jobs.forEach(job -> judged.add(job.getKey()));
                Map<JobId, LocalDate> inForce = retirements.forgetComebacks(retired, part.series());
                slices.add(jobChecks.apply(open.keySet(), inForce), jobs, rejectedByJob);
            }
            if (part == READ_FAILED) {
                return;
            }
            List<Map.Entry<JobId, CountSeries>> silent =
                    RunJobs.jobsToCheck(request, Map.of(), RunJobs.openIn(request, open, to), from, to).stream()
                            .filter(job -> !judged.contains(job.getKey()))
                            .toList();
            slices.add(jobChecks.apply(open.keySet(), retired), silent, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the counts read", e);
        } finally {
            slices.close();
        }
    }
}
