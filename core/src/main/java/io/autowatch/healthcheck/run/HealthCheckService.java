package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CheckResult.Failed;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.CountsReader.RejectedCount;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.ResultStore;
import io.autowatch.healthcheck.RetireSummary;
import io.autowatch.healthcheck.RunSummary;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.settings.HolidayCalendars;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.healthcheck.settings.SettingsSource;
import io.autowatch.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One health-check run: read the counts, judge every job that reported within its look-back ({@link JobCheck}),
 * store every result, and send what is due ({@link DueNotifications}) once ({@link NotificationSender}). A job's failure is
 * recorded and the run goes on; a {@link SystemFailureException} fails the run.
 */
public final class HealthCheckService {

    private static final Log LOG = Log.of(HealthCheckService.class);

    /**
     * How long a claim on a notice lasts unless its run renews it: long enough for a publish and its retries, short
     * enough that a retry after a crash waits little ({@link ClaimLeases}).
     */
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(60);

    private final CountsReader counts;
    private final SettingsSource settings;
    private final ResultStore results;
    private final AlertLedger ledger;
    private final AlertPublisher publisher;
    private final FailedJobsSender failedJobs;
    private final Retirements retirements;
    private final Policies policies;
    private final HolidayCalendars holidays;
    private final Clock clock;
    private final ExecutorService executor;
    private final Duration claimLease;

    /** @param holidays the public-holiday calendars that settings may name ({@code holidays: US}) */
    public HealthCheckService(
            CountsReader counts,
            SettingsSource settings,
            ResultStore results,
            AlertLedger ledger,
            AlertPublisher publisher,
            Policies policies,
            HolidayCalendars holidays,
            Clock clock,
            ExecutorService executor) {
        this(counts, settings, results, ledger, publisher, policies, holidays, clock, executor, DEFAULT_CLAIM_LEASE);
    }

    /** @param claimLease how long a claim on a notice lasts unrenewed ({@link ClaimLeases}): tests shorten it */
    public HealthCheckService(
            CountsReader counts,
            SettingsSource settings,
            ResultStore results,
            AlertLedger ledger,
            AlertPublisher publisher,
            Policies policies,
            HolidayCalendars holidays,
            Clock clock,
            ExecutorService executor,
            Duration claimLease) {
        this.counts = Objects.requireNonNull(counts);
        this.settings = Objects.requireNonNull(settings);
        this.results = Objects.requireNonNull(results);
        this.ledger = Objects.requireNonNull(ledger);
        this.publisher = Objects.requireNonNull(publisher);
        this.failedJobs = new FailedJobsSender(ledger, publisher);
        this.retirements = new Retirements(ledger, publisher, clock);
        this.policies = Objects.requireNonNull(policies);
        this.holidays = Objects.requireNonNull(holidays);
        this.clock = Objects.requireNonNull(clock);
        this.executor = Objects.requireNonNull(executor);
        this.claimLease = Objects.requireNonNull(claimLease);
    }

    public RunSummary run(CheckRequest request) {
        try (ClaimLeases leases = ClaimLeases.start(ledger, clock, claimLease)) {
            return run(request, leases);
        }
    }

    private RunSummary run(CheckRequest request, ClaimLeases leases) {
        NotificationSender sender = new NotificationSender(ledger, publisher, executor, leases);
        Instant now = clock.instant();
        long started = System.nanoTime();
        ColdStart.warmJudging(policies, executor);
        SettingsBook stored = settings.load();
        List<LocalDate> checkedDays =
                stored.timeZones().stream().map(request::dayFor).sorted().toList();
        LocalDate from = checkedDays.getFirst().minusDays(stored.maxLookbackDays());
        LocalDate to = checkedDays.getLast();
        // Public holidays within the days read (a look-back learns nothing from them either).
        SettingsBook book = stored.withHolidays(holidays, from, to);
        // The ledger's two small reads go along with the counts' long one rather than after it.
        CompletableFuture<Map<JobId, OpenIncident>> openRead =
                CompletableFuture.supplyAsync(ledger::openIncidents, executor);
        CompletableFuture<Map<JobId, LocalDate>> retiredRead = CompletableFuture.supplyAsync(ledger::retired, executor);
        // Each part of the counts is judged as soon as it is read, each slice judged is stored and its notices sent:
        // reading, judging, storing and notifying run at once, each on its own, and all finish before the run ends.
        JudgedSlices slices = JudgedSlices.open(executor);
        CountsIntake intake = new CountsIntake(
                request,
                from,
                to,
                openRead,
                retiredRead,
                retirements,
                (open, retired) -> new JobCheck(policies, book, request, now, open, retired),
                slices);
        Map<JobId, FailedJobs.Failure> failures = new ConcurrentHashMap<>();
        LocalDate runDay = request.dayFor(ZoneOffset.UTC);
        CompletableFuture<Long> saving = SliceStores.start(slices, results, failures, runDay);
        AtomicInteger alerts = new AtomicInteger();
        AtomicInteger recoveries = new AtomicInteger();
        CompletableFuture<Long> notifying = CompletableFuture.supplyAsync(
                () -> {
                    // A slice is judged only once the open incidents were read.
                    slices.forEachJudged(part -> {
                        NotificationSender.Sent sent = sender.sendAll(
                                DueNotifications.of(part, Futures.join(openRead), now), now, failures, request.run());
                        alerts.addAndGet(sent.alerts());
                        recoveries.addAndGet(sent.recoveries());
                    });
                    return System.nanoTime();
                },
                runnable -> Thread.ofPlatform().name("health-check-notify").start(runnable));
        long read = readCounts(request, from, to, intake, saving, notifying);
        List<String> notFound = RunJobs.notFound(request, intake.withCounts(), from, to);
        List<CheckResult> checked;
        long assessed;
        try {
            checked = slices.all();
            assessed = System.nanoTime();
        } finally {
            Futures.awaitQuietly(notifying);
            Futures.awaitQuietly(saving);
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
            saved = Futures.join(saving);
        } catch (SystemFailureException e) {
            throw e;
        } catch (RuntimeException storing) {
            Futures.join(notifying);
            throw storing;
        }
        Futures.join(notifying);
        // Notices another invocation held: sent by it if it lives, by this run once its leases ran out if not.
        NotificationSender.Sent late = sender.sendHeld(now, failures, request.run());
        notified = System.nanoTime();
        NotificationSender.Sent sent =
                new NotificationSender.Sent(alerts.get() + late.alerts(), recoveries.get() + late.recoveries());
        failedJobs.tell(request, failures, runDay, now, leases);

        RunSummary summary = RunJobs.summarize(checked, failures.keySet(), sent, intake.rejectedCounts(), notFound);
        RunLog.completed(request, summary, from, to, new RunLog.Phases(started, read, assessed, saved, notified));
        return summary;
    }

    /**
     * Reads the counts into the intake. When the read fails, what was read before is still judged, stored and told
     * (each job on its whole history; the retry judges every job again, and sends each notice once), then the run
     * fails with the read's failure.
     *
     * @return when the read ended (System.nanoTime)
     */
    private long readCounts(
            CheckRequest request,
            LocalDate from,
            LocalDate to,
            CountsIntake intake,
            CompletableFuture<Long> saving,
            CompletableFuture<Long> notifying) {
        try {
            try {
                counts.readInParts(from, to, request.shard(), request.jobs(), intake::accept);
            } catch (RuntimeException readFailed) {
                intake.abandon();
                throw readFailed;
            }
            intake.finish();
            return System.nanoTime();
        } catch (RuntimeException failed) {
            // What was judged before the failure is stored and told before the run fails.
            Futures.awaitQuietly(notifying);
            Futures.awaitQuietly(saving);
            throw failed;
        }
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
}
