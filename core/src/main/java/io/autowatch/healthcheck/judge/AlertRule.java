package io.autowatch.healthcheck.judge;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.ZeroAlerts;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.util.List;
import java.util.Optional;

/** Decides whether an assessed day raises an alert. Recoveries are decided against open incidents instead. */
public final class AlertRule {

    private AlertRule() {}

    /**
     * True when this day must alert: every {@code UNHEALTHY} day, and {@code ZERO} days as {@link ZeroAlerts} says.
     * {@code HEALTHY} and {@code INSUFFICIENT_HISTORY} never alert.
     *
     * <p>A policy that judged the zero itself (an {@link Expectation}, as {@code adaptive} gives) decides it under
     * {@code auto}: a zero alerts when its model calls it improbable, so a job that never runs on Sundays is quiet
     * on Sundays and a dead job alerts every day. An excluded date, and a zero on an expected-low date, never alert, whatever the mode. Without an
     * expectation ({@code classic}), {@code auto} compares runs of zero days.
     *
     * @param recorded the job's recorded days before the checked day within its look-back
     */
    public static boolean alerts(Assessment assessment, JobSettings settings, List<DayCount> recorded) {
        return switch (assessment.status()) {
            case UNHEALTHY -> true;
            case ZERO -> {
                Optional<Expectation.Verdict> verdict = assessment.expectation().map(Expectation::verdict);
                if (verdict.isPresent() && verdict.get().unjudged()) {
                    yield false;
                }
                // The same while adaptive's history is too short for an expectation; classic ignores the calendar.
                if (!assessment.policy().equals(ClassicPolicy.NAME) && settings.unlearned(assessment.day())) {
                    yield false;
                }
                yield switch (settings.zeroAlerts()) {
                    case ALWAYS -> true;
                    case NEVER -> false;
                    case AUTO ->
                        verdict.map(v -> v == Expectation.Verdict.IMPROBABLE)
                                .orElseGet(() -> ZeroRuns.currentRunIsLongest(assessment.day(), recorded));
                };
            }
            case HEALTHY, INSUFFICIENT_HISTORY -> false;
        };
    }
}
