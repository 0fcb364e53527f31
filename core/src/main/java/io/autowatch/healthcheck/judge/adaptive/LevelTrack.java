package io.autowatch.healthcheck.judge.adaptive;

import java.util.Arrays;

/**
 * The job's level (its expected count on an average day of the week), followed day by day through the look-back,
 * oldest first, as it would have been known each day:
 *
 * <ul>
 *   <li>each usual day pulls the level towards itself, a busy job's by up to 15% of the gap, a small job's by less,
 *       since its days say less ({@link #smoothing});</li>
 *   <li>a day the model finds rarer than 1 in 1,000 ({@link #LEARN_BELOW}) teaches nothing, so incidents do not
 *       become the new normal and do not widen the noise estimate;</li>
 *   <li>growth is followed: the level's rise over the last week is carried forward (at most 6% a day); a decline is
 *       not extrapolated, so a job fading away keeps alerting;</li>
 *   <li>three days in a row on the same side (a job that idles: days it ran, the checked day may be the third, {@link
 *       #settlesAt}), the first improbable, the others at least unusual ({@link #HOLDS_RUN_BELOW}), re-anchor the
 *       level to them: a planned change stops alerting on its fourth day, even in a noisy job whose later days fall
 *       within reach of the old level. A drop to (almost) nothing never re-anchors: a dead job keeps alerting.</li>
 *   <li>a day back at the level held before a re-anchoring, within {@link #RETURN_WITHIN} days of it, undoes it: a
 *       partial failure that became the level for a while has recovered, and its recovery is not a new change.</li>
 * </ul>
 *
 * The one-step forecasts of the usual days give the overdispersion estimate ({@link #dispersion()}).
 */
final class LevelTrack {

    static final double LEARN_BELOW = 1e-3;
    static final int RE_ANCHOR_AFTER = 3;
    /** A usual day this far off on a run's side (rarer than 1 in 20, two-sided) keeps the run going. */
    static final double HOLDS_RUN_BELOW = 0.05;
    /** A run below this share of the level is a failure, not a new level. */
    static final double RE_ANCHOR_FLOOR = 0.1;
    /** How long after a re-anchoring a day back at the old level undoes it (failures are mended within days). */
    static final int RETURN_WITHIN = 14;

    static final double MAX_GROWTH = 1.06;
    private static final int WARM_UP = 7;
    /** The level averages over about as many days as it takes to see this many counts (within the bounds below). */
    private static final double COUNTS_PER_LEVEL = 60;

    private static final double MAX_SMOOTHING = 0.15;
    private static final double MIN_SMOOTHING = 1 / 14.0;

    private final DayValues days;
    private final WeekdayProfile profile;
    private final double[] level;
    private final double[] forecast;
    private final boolean[] outlier;
    private final ImprobableRun run = new ImprobableRun();
    private int anchoredAt = -1;
    /** The level just before the last re-anchoring. */
    private double anchoredFrom = Double.NaN;

    private double dispersion;
    private double weightedSum;
    private double weights;
    private int residuals;

    private LevelTrack(DayValues days, WeekdayProfile profile) {
        this.days = days;
        this.profile = profile;
        this.level = new double[days.size()];
        this.forecast = new double[days.size()];
        this.outlier = new boolean[days.size()];
        Arrays.fill(forecast, Double.NaN);
    }

    /** Follows the level through {@code days}, judging each day with overdispersion {@code dispersion}. */
    static LevelTrack follow(DayValues days, WeekdayProfile profile, double dispersion) {
        LevelTrack track = new LevelTrack(days, profile);
        track.run(dispersion);
        return track;
    }

    private void run(double dispersion) {
        this.dispersion = dispersion;
        double current = initialLevel();
        for (int i = 0; i < days.size(); i++) {
            double projected = current * growthBefore(i);
            double factor = profile.factor(days.weekday(i));
            if (!days.known(i) || factor < WeekdayProfile.INACTIVE_BELOW) {
                level[i] = current = projected;
                continue;
            }
            long x = days.value(i);
            double f = projected * factor;
            forecast[i] = f;
            CountModel model = new CountModel(f, dispersion);
            boolean rare = model.rarerThan(x, LEARN_BELOW);
            boolean returned = rare && returnsBefore(i, x, factor, projected);
            if (returned) {
                // Back where it was before the re-anchoring: the old level is restored and learns from this day.
                projected = anchoredFrom;
                anchoredAt = -1;
                anchoredFrom = Double.NaN;
                rare = false;
                run.clear();
            }
            outlier[i] = rare;
            // A day on the run's side and still unusual (beyond 1 in 20) does not break a run of improbable days: a
            // level that moved keeps some days within reach of the old one, and those must not restart the count.
            boolean holdsTheRun = !rare
                    && run.side() != 0
                    && Integer.signum(Long.compare(x, Math.round(f))) == run.side()
                    && model.rarerThan(x, HOLDS_RUN_BELOW);
            if (holdsTheRun) {
                run.hold(x, factor);
            }
            if (!rare) {
                current = projected + smoothing(projected) * (x / factor - projected);
                if (i >= WARM_UP && f > 1e-6 && !returned) {
                    // Each day's ((x − f)² − f)/f² estimates φ with variance ≈ 2(1/f + φ)²: weigh by its inverse, so
                    // that a small job's days, which say little about φ, count for little.
                    double weight = 1 / Math.pow(1 / f + dispersion, 2);
                    weightedSum += weight * ((x - f) * (x - f) - f) / (f * f);
                    weights += weight;
                    residuals++;
                }
                if (!holdsTheRun) {
                    run.clear();
                }
            } else {
                current = projected;
                run.add(x > f ? 1 : -1, x, factor);
            }
            if ((rare || holdsTheRun)
                    && run.length() >= RE_ANCHOR_AFTER
                    && (run.side() > 0 || run.level() >= RE_ANCHOR_FLOOR * projected)) {
                anchoredFrom = projected;
                current = run.level();
                anchoredAt = i;
                run.clear();
            }
            level[i] = current;
        }
    }

    /**
     * Whether count {@code x} on day {@code i} (a day improbable at the current level) is back at the level held
     * before a re-anchoring at most {@link #RETURN_WITHIN} days earlier: usual there (not rarer than 1 in 20), on the
     * old level's side, and not a drop to (almost) nothing.
     */
    private boolean returnsBefore(int i, long x, double factor, double currentLevel) {
        if (anchoredAt < 0 || i - anchoredAt > RETURN_WITHIN || !(anchoredFrom > 0)) {
            return false;
        }
        double before = anchoredFrom * factor;
        double now = currentLevel * factor;
        boolean towardsBefore = (before > now) == (x > now);
        return towardsBefore
                && x >= RE_ANCHOR_FLOOR * before
                && !new CountModel(before, dispersion).rarerThan(x, HOLDS_RUN_BELOW);
    }

    /** The level the checked day would re-anchor to as the third day of the look-back's last run; else NaN. */
    double settlesAt(long x, double factor) {
        return run.settlesAt(x, factor, levelForCheckedDay(), dispersion);
    }

    /** The level before the last re-anchoring if the checked day (improbable at the current level) is back at it. */
    double returnedLevel(long x, double factor) {
        return returnsBefore(days.size(), x, factor, levelForCheckedDay()) ? anchoredFrom : Double.NaN;
    }

    /** A trimmed mean of the first week's known active days, in level units: one odd day cannot skew the start. */
    private double initialLevel() {
        double[] first = new double[WARM_UP];
        int n = 0;
        for (int i = 0; i < days.size() && n < WARM_UP; i++) {
            double factor = profile.factor(days.weekday(i));
            if (days.known(i) && factor >= WeekdayProfile.INACTIVE_BELOW) {
                first[n++] = days.value(i) / factor;
            }
        }
        if (n == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(first, n);
        Arrays.sort(sorted);
        int drop = n >= 5 ? 1 : 0;
        double sum = 0;
        for (int i = drop; i < n - drop; i++) {
            sum += sorted[i];
        }
        return sum / (n - 2 * drop);
    }

    /** The daily growth carried into day {@code i}: the level's rise over the week before, if any, capped. */
    double growthBefore(int i) {
        int from = i - 8;
        if (from < WARM_UP || anchoredAt >= from) {
            return 1;
        }
        double then = level[from];
        double now = level[i - 1];
        if (!(then > 0)) {
            return 1;
        }
        return Math.clamp(Math.pow(now / then, 1 / 7.0), 1, MAX_GROWTH);
    }

    /** How far one day pulls the level: about 2/(n + 1) for the n days that hold {@link #COUNTS_PER_LEVEL} counts. */
    static double smoothing(double level) {
        double daysNeeded = COUNTS_PER_LEVEL / Math.max(level, 1e-9);
        return Math.clamp(2 / (daysNeeded + 1), MIN_SMOOTHING, MAX_SMOOTHING);
    }

    /**
     * The overdispersion the usual days' forecast errors show, with {@code prior} counted as {@code priorDays} more
     * days like them, so that a short look-back leans on it. Never below 0.
     */
    double dispersion(double prior, int priorDays) {
        if (residuals == 0) {
            return prior;
        }
        double priorWeight = priorDays * weights / residuals;
        return Math.max(0, (weightedSum + priorWeight * prior) / (weights + priorWeight));
    }

    int residualDays() {
        return residuals;
    }

    /** The level after the last day of the look-back, carried to the checked day. */
    double levelForCheckedDay() {
        int n = days.size();
        return n == 0 ? 0 : level[n - 1] * growthBefore(n);
    }

    /** The level after day {@code i}. */
    double levelAfter(int i) {
        return level[i];
    }

    boolean outlier(int i) {
        return outlier[i];
    }

    /** The forecast the track made for day {@code i}, or NaN for a day it did not judge. */
    double forecast(int i) {
        return forecast[i];
    }

    /** The index of the last re-anchoring, or −1. */
    int anchoredAt() {
        return anchoredAt;
    }
}
