package io.autowatch.healthcheck.judge;

import io.autowatch.counts.CountSeries;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days of a range a run would have alerted on under a policy and settings: {@link DayJudge} for each day
 * a run would have checked. The tool for tuning a job. Pure.
 */
public final class Backtest {

    private Backtest() {}

    /**
     * Every day from {@code from} to {@code to} that a run would have checked: like a run, it skips days on which the
     * job had reported nothing within its look-back (before it existed, or long after it stopped).
     * {@code series} must reach back to {@code from} minus the look-back.
     */
    public static List<DayJudge.Judged> run(
            CountSeries series, LocalDate from, LocalDate to, JobSettings settings, HealthPolicy policy) {
        List<DayJudge.Judged> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (series.reportedBetween(day.minusDays(settings.lookbackDays()), day)) {
                days.add(DayJudge.judge(series, day, settings, policy));
            }
        }
        return days;
    }
}
