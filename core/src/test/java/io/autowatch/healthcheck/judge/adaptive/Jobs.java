package io.autowatch.healthcheck.judge.adaptive;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.DayJudge;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Made-up job histories for the adaptive policy's tests: real records, a fixed wobble instead of randomness. */
final class Jobs {

    /** A Tuesday. */
    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);

    static final JobSettings ADAPTIVE = JobSettings.DEFAULTS.withPolicy(AdaptivePolicy.NAME);

    static final AdaptivePolicy POLICY = new AdaptivePolicy();

    /** ±1%, ±2%, 0 in a 5-day cycle (5, not 7, so that it never looks like a weekday pattern). */
    private static final double[] QUIET = {1.00, 1.01, 0.98, 1.02, 0.99};

    /** ±15% in a 5-day cycle. */
    private static final double[] NOISY = {1.00, 1.15, 0.85, 1.12, 0.88};

    private Jobs() {}

    static long quiet(LocalDate day, double level) {
        return Math.round(level * QUIET[Math.floorMod(day.toEpochDay(), 5)]);
    }

    static long noisy(LocalDate day, double level) {
        return Math.round(level * NOISY[Math.floorMod(day.toEpochDay(), 5)]);
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * The {@code days} days before {@code day}, most recent first, as the check hands them to a policy; a null
     * count leaves the day without an item (the job did not run).
     */
    static List<DayCount> before(LocalDate day, int days, Function<LocalDate, Long> count) {
        List<DayCount> result = new ArrayList<>();
        for (int i = 1; i <= days; i++) {
            LocalDate d = day.minusDays(i);
            Long c = count.apply(d);
            if (c != null) {
                result.add(new DayCount(d, c));
            }
        }
        return result;
    }

    static HealthPolicy.Input input(LocalDate day, long count, Function<LocalDate, Long> history) {
        return new HealthPolicy.Input(day, count, before(day, ADAPTIVE.lookbackDays(), history), ADAPTIVE);
    }

    /** A series from {@code first} to {@code last} with {@code count} per day (null: no item). */
    static CountSeries series(LocalDate first, LocalDate last, Function<LocalDate, Long> count) {
        CountSeries series = CountSeries.covering(first, (int) (last.toEpochDay() - first.toEpochDay()) + 1);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Long c = count.apply(d);
            if (c != null) {
                series.put(d, c);
            }
        }
        return series;
    }

    static DayJudge.Judged judge(CountSeries series, LocalDate day, JobSettings settings) {
        return DayJudge.judge(series, day, settings, POLICY);
    }
}
