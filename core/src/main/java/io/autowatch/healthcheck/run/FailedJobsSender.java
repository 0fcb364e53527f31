package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.log.Log;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The run's one chat message about the jobs it could not check or notify about. */
final class FailedJobsSender {

    private static final Log LOG = Log.of(HealthCheckService.class);

    private final AlertLedger ledger;
    private final AlertPublisher publisher;

    FailedJobsSender(AlertLedger ledger, AlertPublisher publisher) {
        this.ledger = ledger;
        this.publisher = publisher;
    }

    /**
     * One chat message naming the jobs that failed, claimed in the ledger like an alert: the same set of failed jobs
     * is told once a day however often the day is re-run, and a new failure is told at once. Its own failure is
     * logged and never fails the run.
     */
    void tell(
            CheckRequest request,
            Map<JobId, FailedJobs.Failure> failures,
            LocalDate runDay,
            Instant now,
            ClaimLeases leases) {
        if (failures.isEmpty()) {
            return;
        }
        List<FailedJobs.Failure> sorted = failures.values().stream()
                .sorted(Comparator.comparing(f -> f.job().value()))
                .toList();
        JobId set = FailedJobs.setKey(sorted);
        try {
            AlertLedger.Notice notice = new AlertLedger.Notice(set, runDay, AlertLedger.Kind.FAILURES);
            AlertLedger.Claim claim = leases.claimWhenFree(notice, request.run());
            if (claim.outcome() != AlertLedger.Claim.Outcome.TAKEN) {
                LOG.info("failed_jobs_notice_already_sent", "jobs", sorted.size(), "day", runDay);
                return;
            }
            try {
                publisher.publishFailures(new FailedJobs(RunLog.describe(request), sorted));
            } catch (RuntimeException e) {
                leases.release(notice);
                throw e;
            }
            ledger.markSent(set, runDay, AlertLedger.Kind.FAILURES, now);
            leases.done(notice);
        } catch (RuntimeException e) {
            LOG.error("failed_jobs_notice_failed", "jobs", sorted.size(), "error", e.toString());
        }
    }
}
