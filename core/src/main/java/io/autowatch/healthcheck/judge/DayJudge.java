package io.autowatch.healthcheck.judge;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import java.time.LocalDate;
import java.util.List;

/**
 * Judges one job's day: the history a run uses, the job's policy, and the alert rule. The check calls it for each
 * job's checked day; the backtest calls it for every day of a range, so both judge alike. Pure.
 */
public final class DayJudge {

    private DayJudge() {}

    /** A judged day and whether it alerts. */
    public record Judged(Assessment assessment, boolean alerts) {}

    /** Judges {@code day}: a missing item is 0, the history is what was recorded within the look-back before it. */
    public static Judged judge(CountSeries series, LocalDate day, JobSettings settings, HealthPolicy policy) {
        long count = series.countOn(day).orElse(0);
        List<DayCount> previous = series.recordedBetween(day.minusDays(settings.lookbackDays()), day.minusDays(1));
        Assessment assessment = policy.assess(new HealthPolicy.Input(day, count, previous, settings));
        return new Judged(assessment, AlertRule.alerts(assessment, settings, previous));
    }
}
