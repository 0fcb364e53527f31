package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.RetireSummary;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.alert.Retirement;
import io.autowatch.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Retiring jobs that are gone for good (README, "Retiring a job"). */
public final class Retirements {

    private static final Log LOG = Log.of(HealthCheckService.class);

    private final AlertLedger ledger;
    private final AlertPublisher publisher;
    private final Clock clock;

    public Retirements(AlertLedger ledger, AlertPublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Retires jobs: each is marked retired today (UTC), so it is not checked until it writes a count for a later
     * day, and its open incident, if any, is resolved in chat and in PagerDuty and closed. One job's failure leaves
     * its incident open and the others go on; retiring it again is safe. A job neither in {@code recentlySeen} (it
     * wrote a count within the longest look-back) nor with an open incident is left alone and reported not found.
     */
    public RetireSummary retire(Set<JobId> jobs, String reason, Set<JobId> recentlySeen) {
        Instant now = clock.instant();
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        Map<JobId, OpenIncident> open = ledger.openIncidents();
        List<String> retired = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        for (JobId job : new TreeSet<>(jobs)) {
            // A mistyped id must not read as retired: retiring it would change nothing, and hide the typo.
            if (!open.containsKey(job) && !recentlySeen.contains(job)) {
                notFound.add(job.value());
                LOG.warn("retire_job_not_found", "job", job, "reason", "no recent count and no open incident");
                continue;
            }
            ledger.retire(job, day);
            retired.add(job.value());
            OpenIncident incident = open.get(job);
            if (incident == null) {
                LOG.info("job_retired", "job", job, "day", day, "incident", "none open");
                continue;
            }
            try {
                publisher.publishRetirement(new Retirement(job, incident, day, reason, now));
                if (!ledger.close(incident)) {
                    // A run alerted on it while we resolved it: it stays open, and checked, and says so.
                    failed.put(job.value(), "a run alerted on it meanwhile; its incident stays open: retire it again");
                    LOG.warn("retirement_raced", "job", job, "day", day);
                    continue;
                }
                resolved.add(job.value());
                LOG.info("job_retired", "job", job, "day", day, "incident", "resolved", "opened", incident.openedDay());
            } catch (SystemFailureException e) {
                throw e;
            } catch (RuntimeException e) {
                failed.put(job.value(), e.getMessage());
                LOG.error("retirement_failed", "job", job, "error", e.toString());
            }
        }
        return new RetireSummary(retired, resolved, failed, notFound);
    }

    /**
     * The retirements still in force: a retired job that wrote a count for a day after its retirement is back, and
     * its mark is dropped for good, so that it is checked like any other even once that count leaves the look-back.
     */
    Map<JobId, LocalDate> forgetComebacks(Map<JobId, LocalDate> retired, Map<JobId, CountSeries> series) {
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
}
