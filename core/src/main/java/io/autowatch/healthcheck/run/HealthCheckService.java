package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CheckResult.Checked;
import io.autowatch.healthcheck.CheckResult.Failed;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.CountsReader.RejectedCount;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.ResultStore;
import io.autowatch.healthcheck.RetireSummary;
import io.autowatch.healthcheck.RunSummary;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.healthcheck.settings.SettingsSource;
import io.autowatch.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One health-check run: read the counts, judge every job that reported within its look-back ({@link JobCheck}),
 * store every result, and send what is due ({@link DueNotifications}) once ({@link NotificationSender}). A job's failure is
 * recorded and the run goes on; a {@link SystemFailureException} fails the run.
 */
public final class HealthCheckService {

    private static final Log LOG = Log.of(HealthCheckService.class);

    /** Slices stored at once: enough to keep the run's executor busy with writes (a slice is 10 batches of 25). */
    private static final int STORES_AT_ONCE = 4;

    private final CountsReader counts;
    private final SettingsSource settings;
    private final ResultStore results;
    private final AlertLedger ledger;
    private final NotificationSender sender;
    private final FailedJobsSender failedJobs;
    private final Retirements retirements;
    private final Policies policies;
    private final Clock clock;
    private final ExecutorService executor;

    public HealthCheckService(
            CountsReader counts,
            SettingsSource settings,
            ResultStore results,
            AlertLedger ledger,
            AlertPublisher publisher,
            Policies policies,
            Clock clock,
            ExecutorService executor) {
        this.counts = Objects.requireNonNull(counts);
        this.settings = Objects.requireNonNull(settings);
        this.results = Objects.requireNonNull(results);
        this.ledger = Objects.requireNonNull(ledger);
        Objects.requireNonNull(publisher);
        this.sender = new NotificationSender(ledger, publisher, Objects.requireNonNull(executor));
        this.failedJobs = new FailedJobsSender(ledger, publisher);
        this.retirements = new Retirements(ledger, publisher, clock);
        this.policies = Objects.requireNonNull(policies);
        this.clock = Objects.requireNonNull(clock);
        this.executor = executor;
    }

    public RunSummary run(CheckRequest request) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        ColdStart.warmJudging(policies, executor);
        SettingsBook book = settings.load();
        List<LocalDate> checkedDays =
                book.timeZones().stream().map(request::dayFor).sorted().toList();
        LocalDate from = checkedDays.getFirst().minusDays(book.maxLookbackDays());
        LocalDate to = checkedDays.getLast();
        // The ledger's two small reads go along with the counts' long one rather than after it.
        CompletableFuture<Map<JobId, OpenIncident>> openRead =
                CompletableFuture.supplyAsync(ledger::openIncidents, executor);
        CompletableFuture<Map<JobId, LocalDate>> retiredRead = CompletableFuture.supplyAsync(ledger::retired, executor);
        Snapshot snapshot;
        try {
            snapshot = counts.read(from, to, request.jobs());
        } catch (RuntimeException e) {
            openRead.cancel(true);
            retiredRead.cancel(true);
            throw e;
        }
        long read = System.nanoTime();

        Map<JobId, Map<LocalDate, String>> rejectedByJob = indexRejected(snapshot.rejected());
        List<String> notFound = request.jobs().stream()
                .filter(job -> !snapshot.series().containsKey(job))
                .map(JobId::value)
                .sorted()
                .toList();
        notFound.forEach(job -> LOG.warn(
                "job_not_found",
                "job",
                job,
                "from",
                from,
                "to",
                to,
                "reason",
                "no count was recorded for this job in the days read"));

        // Read before judging: a job with an open incident is checked even when it wrote nothing in its look-back.
        Map<JobId, OpenIncident> open = join(openRead);
        List<Map.Entry<JobId, CountSeries>> jobs = jobsToCheck(request, snapshot, rejectedByJob, open, from, to);
        Map<JobId, LocalDate> retired = forgetComebacks(join(retiredRead), snapshot.series());
        JudgedSlices slices = JudgedSlices.start(
                executor, new JobCheck(policies, book, request, now, open.keySet(), retired), jobs, rejectedByJob);
        Map<JobId, FailedJobs.Failure> failures = new ConcurrentHashMap<>();
        LocalDate runDay = request.dayFor(ZoneOffset.UTC);
        // Each slice is stored, and its notices sent, as soon as it is judged: judging, storing and notifying run at
        // once, each on its own, and all finish before the run ends.
        // A slice's store does not wait for the one before it: waiting for each slice's slowest batch before the
        // next slice's first one would make the writes a chain of round trips. The stores have threads of their own
        // because each waits for its batches on the run's executor.
        CompletableFuture<Long> saving = CompletableFuture.supplyAsync(
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
                                        store(part, failures, runDay);
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
        AtomicInteger alerts = new AtomicInteger();
        AtomicInteger recoveries = new AtomicInteger();
        CompletableFuture<Long> notifying = CompletableFuture.supplyAsync(
                () -> {
                    slices.forEachJudged(part -> {
                        NotificationSender.Sent sent =
                                sender.sendAll(DueNotifications.of(part, open, now), now, failures, request.run());
                        alerts.addAndGet(sent.alerts());
                        recoveries.addAndGet(sent.recoveries());
                    });
                    return System.nanoTime();
                },
                runnable -> Thread.ofPlatform().name("health-check-notify").start(runnable));
        List<CheckResult> checked;
        long assessed;
        try {
            checked = slices.all();
            assessed = System.nanoTime();
        } finally {
            awaitQuietly(notifying);
            awaitQuietly(saving);
        }
        for (CheckResult r : checked) {
            if (r instanceof Failed f) {
                // The job's own reason wins over a later failure to store or publish.
                failures.put(f.job(), new FailedJobs.Failure(f.job(), f.day(), f.reason()));
            }
        }
        // Both are joined before either failure is thrown, and a failure of the run's kind wins.
        long saved;
        long notified;
        try {
            saved = join(saving);
        } catch (SystemFailureException e) {
            throw e;
        } catch (RuntimeException storing) {
            join(notifying);
            throw storing;
        }
        notified = join(notifying);
        NotificationSender.Sent sent = new NotificationSender.Sent(alerts.get(), recoveries.get());
        failedJobs.tell(request, failures, runDay, now);

        RunSummary summary =
                summarize(checked, failures.keySet(), sent, snapshot.rejected().size(), notFound);
        RunLog.completed(request, summary, from, to, new RunLog.Phases(started, read, assessed, saved, notified));
        return summary;
    }

    /** Stores a slice's results; a job whose result could not be stored is a failed job of this run. */
    private void store(List<CheckResult> part, Map<JobId, FailedJobs.Failure> failures, LocalDate runDay) {
        Set<JobId> unsaved = results.saveAll(part);
        unsaved.forEach(job -> {
            LOG.error("result_not_saved", "job", job, "reason", "storing the result failed after retries");
            failures.putIfAbsent(
                    job, new FailedJobs.Failure(job, runDay, "its result could not be stored in the health table"));
        });
    }

    /**
     * The retirements still in force: a retired job that wrote a count for a day after its retirement is back, and
     * its mark is dropped for good, so that it is checked like any other even once that count leaves the look-back.
     */
    private Map<JobId, LocalDate> forgetComebacks(Map<JobId, LocalDate> retired, Map<JobId, CountSeries> series) {
        Map<JobId, LocalDate> inForce = new HashMap<>(retired);
        retired.forEach((job, day) -> {
            CountSeries s = series.get(job);
            if (s != null && s.reportedBetween(day.plusDays(1), s.lastDay())) {
                ledger.unretire(job);
                inForce.remove(job);
                LOG.info("job_unretired", "job", job, "retiredOn", day, "reason", "it wrote a count after it");
            }
        });
        return inForce;
    }

    /**
     * The jobs this run considers: those with counts in the days read, those whose every count there is invalid
     * (they fail, saying so), and those with an open incident (a dead job keeps alerting until it writes again or is
     * retired); limited to the request's jobs when it names some.
     */
    private static List<Map.Entry<JobId, CountSeries>> jobsToCheck(
            CheckRequest request,
            Snapshot snapshot,
            Map<JobId, Map<LocalDate, String>> rejectedByJob,
            Map<JobId, OpenIncident> open,
            LocalDate from,
            LocalDate to) {
        Map<JobId, CountSeries> all = new LinkedHashMap<>(snapshot.series());
        Stream.concat(rejectedByJob.keySet().stream(), open.keySet().stream())
                .forEach(job -> all.computeIfAbsent(job, j -> CountSeries.of(from, to, List.of())));
        return all.entrySet().stream()
                .filter(e -> request.jobs().isEmpty() || request.jobs().contains(e.getKey()))
                .toList();
    }

    /** Retires jobs ({@link Retirements}): their open incidents are resolved, and they are checked no more. */
    public RetireSummary retire(Set<JobId> jobs, String reason) {
        if (jobs.isEmpty()) {
            return new RetireSummary(List.of(), List.of(), Map.of(), List.of());
        }
        // Wider than any run's days: a run for yesterday may still be due, and a job's own time zone may put its days
        // a day either side of UTC's.
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate from = today.minusDays(settings.load().maxLookbackDays() + 2L);
        Snapshot recent = counts.read(from, today.plusDays(1), jobs);
        Set<JobId> seen = new HashSet<>(recent.series().keySet());
        recent.rejected().stream()
                .map(RejectedCount::job)
                .filter(JobId::isValid)
                .map(JobId::of)
                .forEach(seen::add);
        return retirements.retire(jobs, reason, seen);
    }

    private static Map<JobId, Map<LocalDate, String>> indexRejected(List<RejectedCount> rejected) {
        Map<JobId, Map<LocalDate, String>> byJob = new HashMap<>();
        for (RejectedCount r : rejected) {
            LOG.warn("count_rejected", "job", r.job(), "day", r.day(), "reason", r.reason());
            if (JobId.isValid(r.job())) {
                try {
                    byJob.computeIfAbsent(JobId.of(r.job()), j -> new HashMap<>())
                            .put(LocalDate.parse(r.day()), r.reason());
                } catch (DateTimeParseException ignored) {
                    // A day that is not a date cannot be a checked day; the warning above is all it needs.
                }
            }
        }
        return byJob;
    }

    private static RunSummary summarize(
            List<CheckResult> checked,
            Set<JobId> failedJobs,
            NotificationSender.Sent sent,
            int invalidCounts,
            List<String> notFound) {
        Map<HealthStatus, Integer> byStatus = RunSummary.emptyCounts();
        for (CheckResult r : checked) {
            if (r instanceof Checked c) {
                byStatus.merge(c.assessment().status(), 1, Integer::sum);
            }
        }
        return new RunSummary(
                checked.size(), byStatus, failedJobs.size(), sent.alerts(), sent.recoveries(), invalidCounts, notFound);
    }

    /** Waits for the task; its failure, if any, is thrown by {@link #join}. */
    private static void awaitQuietly(CompletableFuture<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // Reported by join().
        }
    }

    private static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
