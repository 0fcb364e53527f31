package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertLedger.Claim;
import io.autowatch.healthcheck.alert.AlertLedger.Kind;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.alert.Notification.Alert;
import io.autowatch.healthcheck.alert.Notification.Recovery;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.log.Log;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends each due notice once per job and day, in parallel: claim it in the ledger ({@link ClaimLeases}), publish,
 * then record the incident and mark it sent. A publish that fails releases the claim, so the next run tries again.
 * A notice another invocation holds is set aside and claimed again at the end ({@link #sendHeld}), once that
 * invocation has sent it or died.
 */
final class NotificationSender {

    private static final Log LOG = Log.of(HealthCheckService.class);

    /** How many alerts and recoveries this run published (the ones already sent by an earlier run not counted). */
    record Sent(int alerts, int recoveries) {}

    private final AlertLedger ledger;
    private final AlertPublisher publisher;
    private final ExecutorService executor;
    private final ClaimLeases leases;
    private final Queue<Notification> held = new ConcurrentLinkedQueue<>();

    NotificationSender(AlertLedger ledger, AlertPublisher publisher, ExecutorService executor, ClaimLeases leases) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.executor = executor;
        this.leases = leases;
    }

    /** Sends {@code due}; the jobs whose notice could not be published are added to {@code failures}. */
    Sent sendAll(List<Notification> due, Instant now, Map<JobId, FailedJobs.Failure> failures, String run) {
        AtomicInteger alerts = new AtomicInteger();
        AtomicInteger recoveries = new AtomicInteger();
        Set<AlertLedger.Notice> sent = alreadySent(due);
        Parallel.all(
                executor,
                due.stream()
                        .filter(n -> {
                            if (!sent.contains(notice(n))) {
                                return true;
                            }
                            LOG.info("notification_already_sent", "job", n.job(), "day", n.day(), "kind", kind(n));
                            return false;
                        })
                        .<Callable<Void>>map(n -> () -> {
                            if (send(n, leases.claim(notice(n), run), now, failures)) {
                                (n instanceof Alert ? alerts : recoveries).incrementAndGet();
                            }
                            return null;
                        })
                        .toList());
        return new Sent(alerts.get(), recoveries.get());
    }

    /**
     * Claims again the notices another invocation held, waiting while it holds them: a live twin sends them (and
     * this run does not), a dead one's leases run out (and this run sends them).
     */
    Sent sendHeld(Instant now, Map<JobId, FailedJobs.Failure> failures, String run) {
        List<Notification> waiting = List.copyOf(held);
        held.clear();
        if (!waiting.isEmpty()) {
            LOG.info("notifications_held_elsewhere", "notices", waiting.size(), "holder", leases.holder());
        }
        AtomicInteger alerts = new AtomicInteger();
        AtomicInteger recoveries = new AtomicInteger();
        Parallel.all(
                executor,
                waiting.stream()
                        .<Callable<Void>>map(n -> () -> {
                            Claim claim = leases.claimWhenFree(notice(n), run);
                            if (claim.outcome() == Claim.Outcome.HELD) {
                                LOG.warn(
                                        "notification_held_by_live_run",
                                        "job",
                                        n.job(),
                                        "day",
                                        n.day(),
                                        "heldUntil",
                                        claim.heldUntil());
                            } else if (send(n, claim, now, failures)) {
                                (n instanceof Alert ? alerts : recoveries).incrementAndGet();
                            }
                            return null;
                        })
                        .toList());
        return new Sent(alerts.get(), recoveries.get());
    }

    /** The bulk pre-read only saves claims: when it fails, every notice is claimed, as before it existed. */
    private Set<AlertLedger.Notice> alreadySent(List<Notification> due) {
        if (due.isEmpty()) {
            return Set.of();
        }
        try {
            return ledger.alreadySent(
                    due.stream().map(NotificationSender::notice).toList());
        } catch (RuntimeException e) {
            LOG.warn("sent_notices_unread", "notices", due.size(), "error", e.toString());
            return Set.of();
        }
    }

    private static Kind kind(Notification n) {
        return n instanceof Alert ? Kind.ALERT : Kind.RECOVERY;
    }

    private static AlertLedger.Notice notice(Notification n) {
        return new AlertLedger.Notice(n.job(), n.day(), kind(n));
    }

    private boolean send(Notification n, Claim claim, Instant now, Map<JobId, FailedJobs.Failure> failures) {
        Kind kind = kind(n);
        switch (claim.outcome()) {
            case SENT -> {
                LOG.info("notification_already_sent", "job", n.job(), "day", n.day(), "kind", kind);
                return false;
            }
            case HELD -> {
                held.add(n);
                return false;
            }
            case TAKEN -> {}
        }
        try {
            publisher.publish(n);
        } catch (SystemFailureException e) {
            leases.release(notice(n));
            throw e;
        } catch (RuntimeException e) {
            leases.release(notice(n));
            failures.putIfAbsent(
                    n.job(),
                    new FailedJobs.Failure(
                            n.job(),
                            n.day(),
                            "its " + (kind == Kind.ALERT ? "alert" : "recovery") + " could not be published ("
                                    + e.getMessage() + "); the next run tries again"));
            LOG.error("notification_failed", "job", n.job(), "day", n.day(), "kind", kind, "error", e.toString());
            return false;
        }
        try {
            switch (n) {
                case Alert a ->
                    ledger.recordAlert(new OpenIncident(a.job(), a.day(), a.day(), a.severity(), a.status()));
                case Recovery r -> ledger.close(r.incident());
            }
            ledger.markSent(n.job(), n.day(), kind, now);
            leases.done(notice(n));
        } catch (RuntimeException e) {
            // Published but not recorded: the claim's lease is still renewed, then runs out with the run, and a later
            // run may publish again, which PagerDuty de-duplicates by alarm name; losing the alert would be worse.
            LOG.error("ledger_update_failed", "job", n.job(), "day", n.day(), "kind", kind, "error", e.toString());
        }
        LOG.info(
                kind == Kind.ALERT ? "alert_published" : "recovery_published",
                "job",
                n.job(),
                "day",
                n.day(),
                "status",
                n.status(),
                "severity",
                n.severity().wireName(),
                "count",
                n.assessment().count());
        return true;
    }
}
