package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CheckResult.Checked;
import io.autowatch.healthcheck.CheckResult.Failed;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.DayJudge;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.healthcheck.settings.SettingsBook.Resolved;
import io.autowatch.healthcheck.settings.SettingsBook.Unresolvable;
import io.autowatch.log.Log;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one job's result in a run: whether it is checked at all (it reported within its look-back), with which
 * settings and policy, and what is wrong when it cannot be judged (a bad count on the day, bad settings, an unknown
 * or failing policy). Pure but for the log line of a failed job.
 */
final class JobCheck {

    private static final Log LOG = Log.of(HealthCheckService.class);

    private final Policies policies;
    private final SettingsBook book;
    private final CheckRequest request;
    private final Instant now;
    private final Set<JobId> openIncidents;
    private final Map<JobId, LocalDate> retired;

    /**
     * @param openIncidents jobs with an open incident: checked even when they reported nothing in their look-back
     * @param retired       retired jobs and the day they were retired: not checked until they write a count for a
     *                      later day
     */
    JobCheck(
            Policies policies,
            SettingsBook book,
            CheckRequest request,
            Instant now,
            Set<JobId> openIncidents,
            Map<JobId, LocalDate> retired) {
        this.policies = policies;
        this.book = book;
        this.request = request;
        this.now = now;
        this.openIncidents = Set.copyOf(openIncidents);
        this.retired = Map.copyOf(retired);
    }

    JobCheck(Policies policies, SettingsBook book, CheckRequest request, Instant now) {
        this(policies, book, request, now, Set.of(), Map.of());
    }

    /**
     * The job's result, or empty when the job is not checked: nothing reported within its look-back, unless it has an
     * open incident (a dead job keeps alerting until it writes again or is retired) or every count it wrote there is
     * invalid (that is a failure its owner must hear about, not silence).
     */
    Optional<CheckResult> check(JobId job, CountSeries series, Map<LocalDate, String> rejectedDays) {
        LocalDate retiredOn = retired.get(job);
        if (retiredOn != null
                && !openIncidents.contains(job)
                && !series.reportedBetween(
                        retiredOn.plusDays(1), request.dayFor(ZoneOffset.UTC).plusDays(1))) {
            // Retired, and silent since: nobody wants to hear about it. A count after the day brings it back; an
            // incident opened meanwhile (a run racing the retirement) keeps it checked until it is resolved.
            return Optional.empty();
        }
        return switch (book.resolve(job)) {
            case Unresolvable u -> {
                LocalDate day = request.dayFor(ZoneOffset.UTC);
                if (!series.reportedBetween(day.minusDays(book.maxLookbackDays()), day)
                        && !openIncidents.contains(job)
                        && rejectedDays.isEmpty()) {
                    yield Optional.empty();
                }
                yield Optional.of(failed(job, day, u.reason()));
            }
            case Resolved r -> {
                JobSettings s = r.settings();
                LocalDate day = request.dayFor(s.timeZone());
                LocalDate first = day.minusDays(s.lookbackDays());
                if (!series.reportedBetween(first, day) && !rejectedDays.containsKey(day)) {
                    Optional<LocalDate> invalid = rejectedDays.keySet().stream()
                            .filter(d -> !d.isBefore(first) && !d.isAfter(day))
                            .max(LocalDate::compareTo);
                    if (invalid.isPresent()) {
                        yield Optional.of(failed(
                                job,
                                day,
                                "every count of this job from " + first + " to " + day + " is invalid (the latest, "
                                        + invalid.get() + ": " + rejectedDays.get(invalid.get())
                                        + "); it cannot be checked until it writes a valid one"));
                    }
                    if (!openIncidents.contains(job)) {
                        yield Optional.empty();
                    }
                }
                yield Optional.of(assess(job, series, day, s, rejectedDays));
            }
        };
    }

    private CheckResult assess(
            JobId job, CountSeries series, LocalDate day, JobSettings s, Map<LocalDate, String> rejectedDays) {
        if (rejectedDays.containsKey(day)) {
            return failed(job, day, "the count for this day is invalid (" + rejectedDays.get(day) + ")");
        }
        var policy = policies.named(s.policy());
        if (policy.isEmpty()) {
            return failed(job, day, "unknown policy '" + s.policy() + "'; known policies: " + policies.names());
        }
        try {
            DayJudge.Judged judged = DayJudge.judge(series, day, s, policy.get());
            return new Checked(job, judged.assessment(), s, judged.alerts(), now);
        } catch (RuntimeException e) {
            return failed(job, day, "policy '" + s.policy() + "' failed: " + e);
        }
    }

    private Failed failed(JobId job, LocalDate day, String reason) {
        LOG.error("job_failed", "job", job, "day", day, "reason", reason);
        return new Failed(job, day, reason, now);
    }
}
