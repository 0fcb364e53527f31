package io.autowatch.health;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one job's days exactly as a run would (same history, same policy, same alert rule), for each day of a
 * range: which days would have alerted under a policy and settings. The tool for tuning a job. Pure.
 */
public final class Backtest {

    private Backtest() {}

    /** One judged day and whether it would have alerted. */
    public record Day(Assessment assessment, boolean alerts) {}

    /** Judges {@code day} as a run does: a missing item is 0, the history is what was recorded before it. */
    public static Day judge(CountSeries series, LocalDate day, JobSettings settings, HealthPolicy policy) {
        long count = series.countOn(day).orElse(0);
        List<DayCount> previous = series.recordedBetween(day.minusDays(settings.lookbackDays()), day.minusDays(1));
        Assessment assessment = policy.assess(new HealthPolicy.Input(day, count, previous, settings));
        return new Day(assessment, AlertRule.alerts(assessment, settings, previous));
    }

    /**
     * Every day from {@code from} to {@code to} that a run would have checked: like a run, it skips days on which the
     * job had reported nothing within its look-back (before it existed, or long after it stopped).
     * {@code series} must reach back to {@code from} minus the look-back.
     */
    public static List<Day> run(CountSeries series, LocalDate from, LocalDate to, JobSettings settings,
            HealthPolicy policy) {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (series.reportedBetween(day.minusDays(settings.lookbackDays()), day)) {
                days.add(judge(series, day, settings, policy));
            }
        }
        return days;
    }
}
