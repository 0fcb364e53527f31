package io.autowatch.health;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.health.AlertLedger.Kind;
import io.autowatch.health.CheckResult.Checked;
import io.autowatch.health.CheckResult.Failed;
import io.autowatch.health.CountsReader.RejectedCount;
import io.autowatch.health.CountsReader.Snapshot;
import io.autowatch.health.SettingsBook.Resolved;
import io.autowatch.health.SettingsBook.Unresolvable;
import io.autowatch.health.alert.Notification;
import io.autowatch.health.alert.Notification.Alert;
import io.autowatch.health.alert.Notification.Recovery;
import io.autowatch.health.alert.OpenIncident;
import io.autowatch.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One health-check run: read the counts, judge every job that reported within its look-back, store every result,
 * publish each alert and recovery once. A job's failure is recorded and the run goes on; a
 * {@link SystemFailureException} fails the run.
 */
public final class HealthCheckService {

    private static final Log LOG = Log.of(HealthCheckService.class);

    /** Longer than Lambda's 15-minute limit: a claim this old belongs to a run that is surely dead. */
    static final Duration CLAIM_EXPIRY = Duration.ofMinutes(16);

    private final CountsReader counts;
    private final SettingsSource settings;
    private final ResultStore results;
    private final AlertLedger ledger;
    private final AlertPublisher publisher;
    private final Policies policies;
    private final Clock clock;
    private final ExecutorService executor;

    public HealthCheckService(CountsReader counts, SettingsSource settings, ResultStore results, AlertLedger ledger,
            AlertPublisher publisher, Policies policies, Clock clock, ExecutorService executor) {
        this.counts = Objects.requireNonNull(counts);
        this.settings = Objects.requireNonNull(settings);
        this.results = Objects.requireNonNull(results);
        this.ledger = Objects.requireNonNull(ledger);
        this.publisher = Objects.requireNonNull(publisher);
        this.policies = Objects.requireNonNull(policies);
        this.clock = Objects.requireNonNull(clock);
        this.executor = Objects.requireNonNull(executor);
    }

    public RunSummary run(CheckRequest request) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        SettingsBook book = settings.load();
        List<LocalDate> checkedDays = book.timeZones().stream().map(request::dayFor).sorted().toList();
        LocalDate from = checkedDays.getFirst().minusDays(book.maxLookbackDays());
        Snapshot snapshot = counts.read(from, checkedDays.getLast());
        long read = System.nanoTime();

        Map<JobId, Map<LocalDate, String>> rejectedByJob = indexRejected(snapshot.rejected());
        List<String> notFound = request.jobs().stream()
                .filter(job -> !snapshot.series().containsKey(job))
                .map(JobId::value).sorted().toList();
        notFound.forEach(job -> LOG.warn("job_not_found", "job", job, "from", from, "to", checkedDays.getLast(),
                "reason", "no count was recorded for this job in the days read"));

        List<CheckResult> checked = snapshot.series().entrySet().stream()
                .filter(e -> request.jobs().isEmpty() || request.jobs().contains(e.getKey()))
                .map(e -> check(e.getKey(), e.getValue(), request, book,
                        rejectedByJob.getOrDefault(e.getKey(), Map.of()), now))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(CheckResult::job))
                .toList();

        long assessed = System.nanoTime();
        Set<JobId> failedJobs = ConcurrentHashMap.newKeySet();
        checked.stream().filter(r -> r instanceof Failed).forEach(r -> failedJobs.add(r.job()));
        // Alerts do not wait for the results to be stored: both run at once, and both finish before the run ends.
        var saving = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            Set<JobId> unsaved = results.saveAll(checked);
            unsaved.forEach(job -> LOG.error("result_not_saved", "job", job,
                    "reason", "storing the result failed after retries"));
            failedJobs.addAll(unsaved);
            return System.nanoTime();
        }, runnable -> Thread.ofPlatform().name("health-check-save").start(runnable));
        Notices notices;
        try {
            notices = notify(checked, now, failedJobs);
        } finally {
            awaitQuietly(saving);
        }
        long notified = System.nanoTime();
        long saved;
        try {
            saved = saving.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        RunSummary summary = summarize(checked, failedJobs, notices, snapshot.rejected().size(), notFound);
        Map<String, Object> fields = new java.util.LinkedHashMap<>(summary.fields());
        fields.put("daysRead", from + ".." + checkedDays.getLast());
        fields.put("millis", Map.of("read", millis(started, read), "assess", millis(read, assessed),
                "save", millis(assessed, saved), "notify", millis(assessed, notified)));
        LOG.info("run_completed", flatten("request", describe(request), fields));
        return summary;
    }

    private Optional<CheckResult> check(JobId job, CountSeries series, CheckRequest request,
            SettingsBook book, Map<LocalDate, String> rejectedDays, Instant now) {
        return switch (book.resolve(job)) {
            case Unresolvable u -> {
                LocalDate day = request.dayFor(ZoneOffset.UTC);
                if (!series.reportedBetween(day.minusDays(book.maxLookbackDays()), day)) {
                    yield Optional.empty();
                }
                yield Optional.of(failed(job, day, u.reason(), now));
            }
            case Resolved r -> {
                JobSettings s = r.settings();
                LocalDate day = request.dayFor(s.timeZone());
                LocalDate firstDay = day.minusDays(s.lookbackDays());
                if (!series.reportedBetween(firstDay, day) && !rejectedDays.containsKey(day)) {
                    yield Optional.empty();
                }
                yield Optional.of(assess(job, series, day, s, rejectedDays, now));
            }
        };
    }

    private CheckResult assess(JobId job, CountSeries series, LocalDate day, JobSettings s,
            Map<LocalDate, String> rejectedDays, Instant now) {
        if (rejectedDays.containsKey(day)) {
            return failed(job, day, "the count for this day is invalid (" + rejectedDays.get(day) + ")", now);
        }
        var policy = policies.named(s.policy());
        if (policy.isEmpty()) {
            return failed(job, day, "unknown policy '" + s.policy() + "'; known policies: " + policies.names(), now);
        }
        try {
            Backtest.Day judged = Backtest.judge(series, day, s, policy.get());
            return new Checked(job, judged.assessment(), s, judged.alerts(), now);
        } catch (RuntimeException e) {
            return failed(job, day, "policy '" + s.policy() + "' failed: " + e, now);
        }
    }

    private static Failed failed(JobId job, LocalDate day, String reason, Instant now) {
        LOG.error("job_failed", "job", job, "day", day, "reason", reason);
        return new Failed(job, day, reason, now);
    }

    private record Notices(int alerts, int recoveries) {}

    private Notices notify(List<CheckResult> checked, Instant now, Set<JobId> failedJobs) {
        Map<JobId, OpenIncident> open = ledger.openIncidents();
        List<Notification> due = new ArrayList<>();
        for (CheckResult result : checked) {
            if (!(result instanceof Checked c)) {
                continue;
            }
            if (c.alerts()) {
                due.add(new Alert(c.job(), c.assessment(), c.settings(), now));
            } else if (c.assessment().status() == HealthStatus.HEALTHY && open.containsKey(c.job())
                    && open.get(c.job()).lastAlertDay().isBefore(c.day())) {
                due.add(new Recovery(c.job(), c.assessment(), open.get(c.job()), now));
            }
        }
        AtomicInteger alerts = new AtomicInteger();
        AtomicInteger recoveries = new AtomicInteger();
        Parallel.all(executor, due.stream().<Callable<Void>>map(n -> () -> {
            if (send(n, now, failedJobs)) {
                (n instanceof Alert ? alerts : recoveries).incrementAndGet();
            }
            return null;
        }).toList());
        return new Notices(alerts.get(), recoveries.get());
    }

    private boolean send(Notification n, Instant now, Set<JobId> failedJobs) {
        Kind kind = n instanceof Alert ? Kind.ALERT : Kind.RECOVERY;
        if (!ledger.claim(n.job(), n.day(), kind, now, CLAIM_EXPIRY)) {
            LOG.info("notification_already_sent", "job", n.job(), "day", n.day(), "kind", kind);
            return false;
        }
        try {
            publisher.publish(n);
        } catch (SystemFailureException e) {
            ledger.release(n.job(), n.day(), kind);
            throw e;
        } catch (RuntimeException e) {
            ledger.release(n.job(), n.day(), kind);
            failedJobs.add(n.job());
            LOG.error("notification_failed", "job", n.job(), "day", n.day(), "kind", kind, "error", e.toString());
            return false;
        }
        try {
            switch (n) {
                case Alert a -> ledger.recordAlert(new OpenIncident(a.job(), a.day(), a.day(), a.severity(), a.status()));
                case Recovery r -> ledger.close(r.incident());
            }
            ledger.markSent(n.job(), n.day(), kind, now);
        } catch (RuntimeException e) {
            // Published but not recorded: the claim expires and a later run may publish again, which PagerDuty
            // de-duplicates by alarm name; losing the alert would be worse.
            LOG.error("ledger_update_failed", "job", n.job(), "day", n.day(), "kind", kind, "error", e.toString());
        }
        LOG.info(kind == Kind.ALERT ? "alert_published" : "recovery_published", "job", n.job(), "day", n.day(),
                "status", n.status(), "severity", n.severity().wireName(), "count", n.assessment().count());
        return true;
    }

    private static Map<JobId, Map<LocalDate, String>> indexRejected(List<RejectedCount> rejected) {
        Map<JobId, Map<LocalDate, String>> byJob = new java.util.HashMap<>();
        for (RejectedCount r : rejected) {
            LOG.warn("count_rejected", "job", r.job(), "day", r.day(), "reason", r.reason());
            if (JobId.isValid(r.job())) {
                try {
                    byJob.computeIfAbsent(JobId.of(r.job()), j -> new java.util.HashMap<>())
                            .put(LocalDate.parse(r.day()), r.reason());
                } catch (java.time.format.DateTimeParseException ignored) {
                    // A day that is not a date cannot be a checked day; the warning above is all it needs.
                }
            }
        }
        return byJob;
    }

    private static RunSummary summarize(List<CheckResult> checked, Set<JobId> failedJobs, Notices notices,
            int invalidCounts, List<String> notFound) {
        Map<HealthStatus, Integer> byStatus = RunSummary.emptyCounts();
        for (CheckResult r : checked) {
            if (r instanceof Checked c) {
                byStatus.merge(c.assessment().status(), 1, Integer::sum);
            }
        }
        return new RunSummary(checked.size(), byStatus, failedJobs.size(), notices.alerts(), notices.recoveries(),
                invalidCounts, notFound);
    }

    /** Waits for the task; its failure, if any, is thrown by a later {@code join}. */
    private static void awaitQuietly(java.util.concurrent.CompletableFuture<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // Reported by join().
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static String describe(CheckRequest request) {
        return request.day().map(d -> "day " + d).orElse("scheduled at " + request.time())
                + (request.jobs().isEmpty() ? "" : " for " + request.jobs().stream().map(JobId::value)
                        .sorted().collect(Collectors.joining(", ")));
    }

    private static Object[] flatten(String key, Object value, Map<String, Object> fields) {
        List<Object> pairs = new ArrayList<>(List.of(key, value));
        fields.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return pairs.toArray();
    }
}
