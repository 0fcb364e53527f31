package io.autowatch.healthcheck.judge.adaptive;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.Bands;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.Expectation.Verdict;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The {@code adaptive} policy (README, "The adaptive policy"): each day is expected from a same-weekday baseline
 * ({@link WeekdayProfile}) times the job's recent level ({@link LevelTrack}), and judged by a count model fitted to
 * the job's own noise ({@link CountModel}). A day alerts when it is rarer than {@code falseAlarmRate} and off by
 * more than the floor ({@link Floor}); so does a run of low days whose sum is that rare ({@link SustainedDrop}). Zero days
 * are judged the same way, excluded dates not at all. Pure.
 *
 * <p>The false-alarm budget is shared: half to the day's two-sided test, a quarter to each one-sided drop test (the
 * last 2 and the last 7 days), so that a normal job-day alerts with probability at most {@code falseAlarmRate}.
 */
public final class AdaptivePolicy implements HealthPolicy {

    public static final String NAME = "adaptive";

    /** Until the job's own noise is measured: ±5% a day beyond counting noise. */
    static final double PRIOR_DISPERSION = 0.0025;
    /** How many days' worth of evidence the prior is worth. */
    private static final int PRIOR_DAYS = 7;
    /** Never below ±1% a day: no baseline predicts better than that. */
    static final double MIN_DISPERSION = 1e-4;

    private static final int[] SUM_WINDOWS = {2, 7};

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
        DayValues all = DayValues.of(input);
        List<DayCount> history = history(all);
        // A job that idles at random is judged on the days it ran; a day it did not run, by its streak of idle days.
        IdleDays idle = IdleDays.of(all, x);
        DayValues days = idle == null ? all : idle.running(all);
        if (days.knownCount() < s.minHistory()) {
            HealthStatus status = x == 0 ? HealthStatus.ZERO : HealthStatus.INSUFFICIENT_HISTORY;
            return new Assessment(input.day(), x, status, NAME, Optional.empty(), history);
        }
        WeekdayProfile profile = WeekdayProfile.of(days, idle != null);
        double alpha = s.falseAlarmRate().doubleValue();
        LevelTrack rough = LevelTrack.follow(days, profile, 4 * PRIOR_DISPERSION);
        double dispersion = Math.max(MIN_DISPERSION, rough.dispersion(PRIOR_DISPERSION, PRIOR_DAYS));
        LevelTrack track = LevelTrack.follow(days, profile, dispersion);
        double measured = Math.max(MIN_DISPERSION, track.dispersion(PRIOR_DISPERSION, PRIOR_DAYS));
        double factor = profile.factor(input.day().getDayOfWeek());
        double expected = track.levelForCheckedDay() * factor;
        alpha *= smallJobBudget(track.levelForCheckedDay());
        double uncertain = profile.uncertainty(input.day().getDayOfWeek(), measured + 1 / Math.max(expected, 1));
        dispersion = widened(measured + uncertain, expected, track.residualDays(), alpha / 4);

        Floor floor = Floor.of(s);
        CountModel model = new CountModel(expected, dispersion);
        double dayTail = alpha / 4;
        double probability = model.twoSided(x);
        // On an expected-low date (a holiday that slows the job down) a drop is what was expected: only a rise alerts.
        boolean expectedLow = s.expectsLow(input.day()) && x < expected;
        boolean idleDay = idle != null && x == 0;
        if (idleDay) {
            probability = idle.probability();
        }
        // A weekday a job idling at random seemed not to run on may be chance: a run on it is no rarer than that.
        double offChance = idle != null && x > 0 ? idle.offChance(input.day().getDayOfWeek()) : 1;
        boolean ranOnOffDay = offChance < 1 && probability < offChance;
        probability = ranOnOffDay ? offChance : probability;
        // The streak's budget is the deployment's rate's, not a small job's wider one: its zeros are not counting
        // noise.
        double dayBudget =
                idleDay ? Math.min(MAX_STREAK_BUDGET, s.falseAlarmRate().doubleValue() * STREAK_BUDGET) : alpha / 2;
        boolean dayImprobable = !expectedLow && probability < dayBudget && (idleDay || floor.matters(x, expected));
        // A day back at the level held before a recent re-anchoring is a recovery, not a new change.
        double returnedTo = dayImprobable && !idleDay ? track.returnedLevel(x, factor) : Double.NaN;
        boolean recovered = !Double.isNaN(returnedTo);
        // A job that idles splits a new level's days with idle days: the checked day may be the third at it.
        double settledAt = dayImprobable && !recovered && idle != null ? track.settlesAt(x, factor) : Double.NaN;
        boolean settled = !Double.isNaN(settledAt);
        dayImprobable &= !recovered && !settled;
        long statLow = model.lowest(dayTail);
        long statHigh = model.highest(dayTail);
        long low = Math.max(0, Math.min(statLow, floor.lowestQuiet(expected)));
        long high = Math.max(statHigh, floor.highestQuiet(expected));

        SustainedDrop drop = null;
        // A drop spans active days only: a day the job does not run on is not part of one.
        if (!dayImprobable
                && !settled
                && !expectedLow
                && !idleDay
                && x < expected
                && profile.active(input.day().getDayOfWeek())) {
            for (int window : SUM_WINDOWS) {
                // The sum allows for its own uncertainties; the day's widening is not carried into it.
                SustainedDrop test = SustainedDrop.of(days, track, profile, measured, window, x, alpha / 4, floor);
                if (test != null
                        && test.improbable(alpha / 4, floor)
                        && (drop == null || test.probability() < drop.probability())) {
                    drop = test;
                }
            }
        }
        boolean improbable = dayImprobable || drop != null;
        boolean lowConfidence = profile.pooled() || track.residualDays() < PRIOR_DAYS;
        String basis = Basis.of(days, profile, track, input.day(), dispersion)
                + (idle == null ? "" : "; " + Basis.idleBasis(idle));
        String explanation = expectedLow
                ? Basis.expectedLowSentence(input.day(), x, expected)
                : recovered
                        ? Basis.returnSentence(x, expected, returnedTo * factor, days.day(track.anchoredAt()))
                        : settled
                                ? Basis.settledSentence(x, expected, settledAt * factor)
                                : idleDay
                                        ? Basis.idleSentence(idle, dayImprobable)
                                        : drop != null
                                                ? Basis.sumSentence(drop)
                                                : ranOnOffDay
                                                        ? Basis.offDaySentence(input.day(), x, probability, improbable)
                                                        : Basis.daySentence(
                                                                x, expected, low, high, probability, model, improbable);
        Expectation expectation = new Expectation(
                expected,
                idleDay ? 0 : low,
                high,
                drop != null ? Math.min(1, drop.probability()) : probability,
                expectedLow ? Verdict.EXPECTED_LOW : improbable ? Verdict.IMPROBABLE : Verdict.USUAL,
                basis,
                explanation,
                lowConfidence);
        HealthStatus status = x == 0 ? HealthStatus.ZERO : improbable ? HealthStatus.UNHEALTHY : HealthStatus.HEALTHY;
        Bands bands = new Bands(
                Math.max(1, history.size()),
                expected,
                Math.sqrt(model.variance()),
                statLow,
                statHigh,
                expected - floor.around(expected),
                expected + floor.around(expected));
        return assessment(input, status, bands, history, expectation);
    }

    /**
     * How many times the false-alarm budget a job's tests get: up to thirty times below 300 counts a day (×1 from 300
     * up), since a small job's counting noise hides what a test at the plain budget could see. Measured by the policy
     * benchmark, the small tiers stay under 0.5 false alerts per 100 job-days with it (0.30 and 0.15).
     */
    static double smallJobBudget(double level) {
        return Math.max(1, Math.min(SMALL_JOB_BUDGET, SMALL_JOB_LEVEL / Math.max(level, 1e-9)));
    }

    private static final double SMALL_JOB_LEVEL = 300;

    /**
     * How many times the false-alarm rate an idle streak may have before it alerts. A streak's probability is the
     * job's own idle rate to its length, averaged over what the look-back leaves unknown of that rate: no noise model
     * stands between it and the days, so it is as often wrong as it says, and a streak alerts once, however long it
     * grows. At the default rate a streak rarer than 1 day in 1,000 alerts: at most 0.1 false alerts per 100 days.
     */
    static final double STREAK_BUDGET = 10;

    /** However high a deployment sets its rate, an idle streak must be rarer than 1 day in 100 to alert. */
    private static final double MAX_STREAK_BUDGET = 0.01;

    private static final double SMALL_JOB_BUDGET = 30;

    /**
     * The overdispersion that widens the day's whole variance (μ + φμ²) for the few days it was measured on, as a
     * t-test widens a normal one: by the square of Student's t quantile over the normal one at the day test's tail,
     * with as many degrees of freedom as days measured (and the prior's).
     */
    static double widened(double dispersion, double expected, int days, double tail) {
        Widening key = new Widening(Math.max(3, days + PRIOR_DAYS - 1), tail);
        Double known = WIDENING.get(key);
        double k = known != null ? known : key.factor();
        if (known == null && WIDENING.size() < MAX_WIDENINGS) {
            WIDENING.put(key, k);
        }
        return dispersion * k + (k - 1) / Math.max(expected, 1);
    }

    /**
     * (t / z)² depends only on the degrees of freedom (whole, up to the look-back) and the tail (one per
     * false-alarm rate), and Student's quantile is costly: a run computes each once, not once per job.
     */
    private record Widening(int freedom, double tail) {
        double factor() {
            double t = TDistribution.of(freedom).inverseSurvivalProbability(tail);
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(tail);
            return (t / z) * (t / z);
        }
    }

    /** A bound on the memo, for a deployment that gives its jobs thousands of different false-alarm rates. */
    private static final int MAX_WIDENINGS = 4096;

    private static final Map<Widening, Double> WIDENING = new ConcurrentHashMap<>();

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
