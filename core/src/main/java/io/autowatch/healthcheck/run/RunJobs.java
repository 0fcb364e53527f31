package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CheckResult.Checked;
import io.autowatch.healthcheck.CountsReader.RejectedCount;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.RunSummary;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.log.Log;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Which jobs a run considers, from what the counts read returned. */
final class RunJobs {

    private static final Log LOG = Log.of(HealthCheckService.class);

    private RunJobs() {}

    /**
     * The jobs this run considers: those with counts in the days read, those whose every count there is invalid
     * (they fail, saying so), and those with an open incident opened by the last day checked (a dead job keeps
     * alerting until it writes again or is retired); limited to the request's jobs when it names some, and to its
     * shard's.
     */
    static List<Map.Entry<JobId, CountSeries>> jobsToCheck(
            CheckRequest request,
            Snapshot snapshot,
            Map<JobId, Map<LocalDate, String>> rejectedByJob,
            Map<JobId, OpenIncident> open,
            LocalDate from,
            LocalDate to) {
        Map<JobId, CountSeries> all = new LinkedHashMap<>(snapshot.series());
        // An open incident keeps a job checked from the day it opened on: a day before it (a mistyped year) is not
        // judged for a job that wrote nothing then.
        Stream.concat(
                        rejectedByJob.keySet().stream(),
                        open.values().stream()
                                .filter(incident -> !incident.openedDay().isAfter(to))
                                .map(OpenIncident::job)
                                .filter(job -> request.shard().contains(job)))
                .forEach(job -> all.computeIfAbsent(job, j -> CountSeries.of(from, to, List.of())));
        return all.entrySet().stream()
                .filter(e -> request.jobs().isEmpty() || request.jobs().contains(e.getKey()))
                .toList();
    }

    /** The invalid counts by job and day (each logged); a count whose job id or day is not valid is only logged. */
    static Map<JobId, Map<LocalDate, String>> indexRejected(List<RejectedCount> rejected) {
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

    /** The run's counts: jobs checked by status, failed, notices sent, invalid counts, jobs asked for and not found. */
    static RunSummary summarize(
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
}
