package io.autowatch.healthcheck.judge.adaptive;

import java.time.DayOfWeek;
import java.util.Arrays;

/**
 * How each weekday compares with an average day of the same week: a factor per weekday, averaging 1 over the week
 * (a Tuesday at ×1.2 sends 20% more than the week's average day; a Sunday at ×0 never sends). Each day is compared
 * with the mean of the seven days centred on it, so growth does not leak into the shape. Busy weekdays take the
 * median of those ratios, which one bad day cannot move; weekdays with few counts pool them and lean towards ×1
 * in proportion to how few counts they rest on. With fewer than {@link #MIN_WEEKS} ratios for some weekday the
 * profile is flat ("pooled") and marked low-confidence.
 */
final class WeekdayProfile {

    static final int MIN_WEEKS = 2;

    /** A sparse profile (a job that idles at random) may lack this many weekdays and still keep the others' shape. */
    private static final int SPARSE_MISSING = 4;

    /** Below this a weekday counts as one the job does not run on: it teaches nothing about the level. */
    static final double INACTIVE_BELOW = 0.1;

    /** A weekday whose days hold fewer counts on average than this pools its counts instead of taking a median. */
    private static final double MEDIAN_FROM = 20;

    /** One pseudo-count at ×1 that a pooled weekday starts from, so that a few zeros of a tiny job do not make a weekday dead. */
    private static final double PRIOR_COUNTS = 1;

    private final double[] factors;
    private final boolean pooled;
    /** Per weekday, how many ratios its factor rests on, when fewer than {@link #MIN_WEEKS} (a sparse profile's). */
    private final int[] support;
    /** How far the known weekdays' factors spread around their mean (a relative variance). */
    private final double spread;
    /**
     * Per weekday of a sparse profile, the relative variance of its factor as an estimate: its ratios' own spread over
     * how many there are (0 in a whole profile, whose weekdays rest on six weeks or so).
     */
    private final double[] estimate;

    private WeekdayProfile(double[] factors, boolean pooled, int[] support, double spread, double[] estimate) {
        this.factors = factors;
        this.pooled = pooled;
        this.support = support;
        this.spread = spread;
        this.estimate = estimate;
    }

    static WeekdayProfile flat() {
        double[] ones = new double[7];
        Arrays.fill(ones, 1);
        int[] support = new int[7];
        Arrays.fill(support, MIN_WEEKS);
        return new WeekdayProfile(ones, true, support, 0, new double[7]);
    }

    static WeekdayProfile of(DayValues days) {
        return of(days, false);
    }

    /**
     * @param sparse the days of a job that idles at random, with its idle days unknown: few weeks are whole, so each
     *               day is compared with the mean of the known days of the three weeks centred on it (at least seven;
     *               random idling leaves every weekday about as often, so the mix of weekdays stays fair)
     */
    static WeekdayProfile of(DayValues days, boolean sparse) {
        int n = days.size();
        double[][] ratios = new double[7][n / 7 + 1];
        double[] sumX = new double[7];
        double[] sumMean = new double[7];
        int[] count = new int[7];
        for (int i = sparse ? 0 : 3; sparse ? i < n : i + 3 < n; i++) {
            double week = sparse ? knownMean(days, Math.max(0, i - 10), Math.min(n - 1, i + 10)) : centredMean(days, i);
            if (!days.known(i) || !(week > 0)) {
                continue;
            }
            int w = days.weekday(i).getValue() - 1;
            ratios[w][count[w]++] = days.value(i) / week;
            sumX[w] += days.value(i);
            sumMean[w] += week;
        }
        double[] factors = new double[7];
        double[] estimate = new double[7];
        int missing = 0;
        for (int w = 0; w < 7; w++) {
            if (count[w] < MIN_WEEKS) {
                // A job that idles at random may leave a weekday with too few known days: that weekday alone rests on
                // its one ratio, or takes the average of the others with none, rather than every weekday losing its
                // shape. Its factor is uncertain, and the day's test allows for it (uncertainty()).
                if (!sparse || ++missing > SPARSE_MISSING) {
                    return flat();
                }
                factors[w] = count[w] == 1 && ratios[w][0] >= INACTIVE_BELOW ? ratios[w][0] : Double.NaN;
                continue;
            }
            factors[w] = sumX[w] / count[w] >= MEDIAN_FROM
                    ? median(Arrays.copyOf(ratios[w], count[w]))
                    : (sumX[w] + PRIOR_COUNTS) / (sumMean[w] + PRIOR_COUNTS);
            if (sparse && count[w] == 2 && factors[w] > 0) {
                // Two ratios may disagree (one of them an incident's day), and a median of two is their mean: the
                // factor is as uncertain as they are spread. From three on, the median sets an odd one aside.
                estimate[w] = relativeVariance(ratios[w], count[w], factors[w]) / count[w];
            }
        }
        double known =
                Arrays.stream(factors).filter(f -> !Double.isNaN(f)).average().orElse(Double.NaN);
        double squares = 0;
        int present = 0;
        int[] support = new int[7];
        for (int w = 0; w < 7; w++) {
            support[w] = Math.min(count[w], MIN_WEEKS);
            if (Double.isNaN(factors[w])) {
                support[w] = 0;
                factors[w] = known;
            } else {
                squares += (factors[w] - known) * (factors[w] - known);
                present++;
            }
        }
        double mean = Arrays.stream(factors).sum() / 7;
        if (!(mean > 0)) {
            return flat();
        }
        for (int w = 0; w < 7; w++) {
            factors[w] /= mean;
        }
        double spread = present > 1 ? squares / (present - 1) / (mean * mean) : 0;
        return new WeekdayProfile(factors, false, support, spread, estimate);
    }

    private static double relativeVariance(double[] ratios, int count, double factor) {
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += ratios[i] / count;
        }
        double squares = 0;
        for (int i = 0; i < count; i++) {
            squares += (ratios[i] - mean) * (ratios[i] - mean);
        }
        return squares / (count - 1) / (factor * factor);
    }

    /**
     * The relative variance that the weekday's factor adds to a day's, given the day-to-day noise: for a weekday seen
     * a few times in a sparse profile, its ratios' spread over their number; one day's noise for a weekday seen once
     * (its one ratio is the factor); the weekdays' own spread for a weekday never seen (it took the others' average);
     * none in a whole profile.
     */
    double uncertainty(DayOfWeek day, double dayNoise) {
        return switch (support[day.getValue() - 1]) {
            case 0 -> spread;
            case 1 -> dayNoise;
            default -> estimate[day.getValue() - 1];
        };
    }

    /** The mean of the known days from {@code from} to {@code to}, or NaN with fewer than seven of them. */
    private static double knownMean(DayValues days, int from, int to) {
        long sum = 0;
        int known = 0;
        for (int j = from; j <= to; j++) {
            if (days.known(j)) {
                sum += days.value(j);
                known++;
            }
        }
        return known < 7 ? Double.NaN : (double) sum / known;
    }

    /**
     * The mean of the seven days centred on {@code i}. An unknown day (an excluded date) takes the same weekday's
     * value a week before or after, so that a holiday does not tilt the week; NaN if neither is known.
     */
    private static double centredMean(DayValues days, int i) {
        long sum = 0;
        for (int j = i - 3; j <= i + 3; j++) {
            if (days.known(j)) {
                sum += days.value(j);
            } else if (j - 7 >= 0 && days.known(j - 7)) {
                sum += days.value(j - 7);
            } else if (j + 7 < days.size() && days.known(j + 7)) {
                sum += days.value(j + 7);
            } else {
                return Double.NaN;
            }
        }
        return sum / 7.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    double factor(DayOfWeek day) {
        return factors[day.getValue() - 1];
    }

    boolean active(DayOfWeek day) {
        return factor(day) >= INACTIVE_BELOW;
    }

    boolean pooled() {
        return pooled;
    }
}
