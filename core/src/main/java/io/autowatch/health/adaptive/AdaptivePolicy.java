package io.autowatch.health.adaptive;

import io.autowatch.counts.DayCount;
import io.autowatch.health.Assessment;
import io.autowatch.health.Bands;
import io.autowatch.health.Expectation;
import io.autowatch.health.Expectation.Verdict;
import io.autowatch.health.HealthPolicy;
import io.autowatch.health.HealthStatus;
import io.autowatch.health.JobSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code adaptive} policy (README, "The adaptive policy"): each day is expected from a same-weekday baseline
 * ({@link WeekdayProfile}) times the job's recent level ({@link LevelTrack}), and judged by a count model fitted to
 * the job's own noise ({@link CountModel}). A day alerts when it is rarer than {@code falseAlarmRate} and off by
 * more than the floor ({@link Floor}); so does a run of low days whose sum is that rare ({@link SumTest}). Zero days
 * are judged the same way, excluded dates not at all. Pure.
 *
 * <p>The false-alarm budget is shared: half to the day's two-sided test, a quarter to each one-sided drop test (the
 * last 3 and the last 7 days), so that a normal job-day alerts with probability at most {@code falseAlarmRate}.
 */
public final class AdaptivePolicy implements HealthPolicy {

    public static final String NAME = "adaptive";

    /** Until the job's own noise is measured: ±5% a day beyond counting noise. */
    static final double PRIOR_DISPERSION = 0.0025;
    /** How many days' worth of evidence the prior is worth. */
    private static final int PRIOR_DAYS = 7;
    /** Never below ±1% a day: no baseline predicts better than that. */
    static final double MIN_DISPERSION = 1e-4;

    private static final int[] SUM_WINDOWS = {3, 7};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Assessment assess(Input input) {
        JobSettings s = input.settings();
        long x = input.count();
        if (s.excludes(input.day())) {
            Expectation excluded = new Expectation(
                    0,
                    0,
                    0,
                    1,
                    Verdict.EXCLUDED,
                    "excluded dates in this job's settings",
                    input.day() + " is an excluded date (a holiday or known event): not judged, not learned from.",
                    false);
            return assessment(input, x == 0 ? HealthStatus.ZERO : HealthStatus.HEALTHY, null, List.of(), excluded);
        }
        DayValues days = DayValues.of(input);
        List<DayCount> history = history(days);
        if (days.knownCount() < s.minHistory()) {
            HealthStatus status = x == 0 ? HealthStatus.ZERO : HealthStatus.INSUFFICIENT_HISTORY;
            return new Assessment(input.day(), x, status, NAME, Optional.empty(), history);
        }
        WeekdayProfile profile = WeekdayProfile.of(days);
        LevelTrack rough = LevelTrack.follow(days, profile, 4 * PRIOR_DISPERSION);
        double dispersion = dispersion(rough);
        LevelTrack track = LevelTrack.follow(days, profile, dispersion);
        dispersion = dispersion(track);

        double alpha = s.falseAlarmRate().doubleValue();
        Floor floor = Floor.of(s);
        double factor = profile.factor(input.day().getDayOfWeek());
        double expected = track.levelForCheckedDay() * factor;
        CountModel model = new CountModel(expected, dispersion);
        double dayTail = alpha / 4;
        double probability = model.twoSided(x);
        boolean dayImprobable = probability < alpha / 2 && floor.matters(x, expected);
        long low = Math.max(0, Math.min(model.lowest(dayTail), floor.lowestQuiet(expected)));
        long high = Math.max(model.highest(dayTail), floor.highestQuiet(expected));

        SumTest drop = null;
        if (!dayImprobable && x < expected) {
            for (int window : SUM_WINDOWS) {
                SumTest test = SumTest.of(days, track, profile, dispersion, window, x, alpha / 4, floor);
                if (test != null
                        && test.improbable(alpha / 4, floor)
                        && (drop == null || test.probability() < drop.probability())) {
                    drop = test;
                }
            }
        }
        boolean improbable = dayImprobable || drop != null;
        boolean lowConfidence = profile.pooled() || track.residualDays() < PRIOR_DAYS;
        String basis = Basis.of(days, profile, track, input.day(), dispersion);
        String explanation = drop != null
                ? Basis.sumSentence(drop)
                : Basis.daySentence(x, expected, low, high, probability, model, improbable);
        Expectation expectation = new Expectation(
                expected,
                low,
                high,
                drop != null ? Math.min(1, drop.probability()) : probability,
                improbable ? Verdict.IMPROBABLE : Verdict.USUAL,
                basis,
                explanation,
                lowConfidence);
        HealthStatus status = x == 0 ? HealthStatus.ZERO : improbable ? HealthStatus.UNHEALTHY : HealthStatus.HEALTHY;
        Bands bands = new Bands(
                Math.max(1, history.size()),
                expected,
                Math.sqrt(model.variance()),
                model.lowest(dayTail),
                model.highest(dayTail),
                expected - floor.around(expected),
                expected + floor.around(expected));
        return assessment(input, status, bands, history, expectation);
    }

    /** The measured overdispersion, leaning on the prior while few days were measured. */
    private static double dispersion(LevelTrack track) {
        double measured = track.dispersion();
        int n = track.residualDays();
        if (Double.isNaN(measured)) {
            return PRIOR_DISPERSION;
        }
        return Math.max(MIN_DISPERSION, (n * measured + PRIOR_DAYS * PRIOR_DISPERSION) / (n + PRIOR_DAYS));
    }

    private static List<DayCount> history(DayValues days) {
        List<DayCount> history = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0; i--) {
            if (days.known(i)) {
                history.add(new DayCount(days.day(i), days.value(i)));
            }
        }
        return history;
    }

    private static Assessment assessment(
            Input input, HealthStatus status, Bands bands, List<DayCount> history, Expectation expectation) {
        return new Assessment(
                input.day(),
                input.count(),
                status,
                NAME,
                Optional.ofNullable(bands),
                history,
                Optional.of(expectation));
    }
}
