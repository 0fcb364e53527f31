package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CheckResult.Checked;
import io.autowatch.healthcheck.CountsReader.RejectedCount;
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
import java.util.stream.Collectors;

/** Which jobs a run considers, from what the counts read returned. */
final class RunJobs {

    private static final Log LOG = Log.of(HealthCheckService.class);

    private RunJobs() {}

    /**
     * The jobs of a part of the counts read that this run considers: those with counts in the days read and
     * {@code others} (jobs whose every count there is invalid, which fail saying so; jobs with an open incident, which
     * keep alerting until they write again or are retired) with no counts; limited to the request's jobs when it names
     * some.
     */
    static List<Map.Entry<JobId, CountSeries>> jobsToCheck(
            CheckRequest request, Map<JobId, CountSeries> series, Set<JobId> others, LocalDate from, LocalDate to) {
        Map<JobId, CountSeries> all = new LinkedHashMap<>(series);
        others.forEach(job -> all.computeIfAbsent(job, j -> CountSeries.of(from, to, List.of())));
        return all.entrySet().stream()
                .filter(e -> request.jobs().isEmpty() || request.jobs().contains(e.getKey()))
                .toList();
    }

    /**
     * The jobs of the request's shard with an open incident opened by the last day read. An incident opened on a later
     * day (a mistyped year) does not make a job that wrote nothing then judged on it.
     */
    static Set<JobId> openIn(CheckRequest request, Map<JobId, OpenIncident> open, LocalDate to) {
        return open.values().stream()
                .filter(incident -> !incident.openedDay().isAfter(to))
                .map(OpenIncident::job)
                .filter(job -> request.shard().contains(job))
                .collect(Collectors.toSet());
    }

    /** The jobs the request names, of its shard, that wrote no valid count in the days read (each logged). */
    static List<String> notFound(CheckRequest request, Set<JobId> withCounts, LocalDate from, LocalDate to) {
        List<String> notFound = request.jobs().stream()
                .filter(job -> request.shard().contains(job) && !withCounts.contains(job))
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
        return notFound;
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
