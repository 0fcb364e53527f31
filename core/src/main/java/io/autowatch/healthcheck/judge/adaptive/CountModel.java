package io.autowatch.healthcheck.judge.adaptive;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * How a count scatters around its expected value: negative binomial with variance μ + φμ², where φ (the
 * overdispersion) is the job's own extra noise, and Poisson when φ adds nothing. So a job at 3 a day is judged by
 * counting noise and one at 300,000 by its day-to-day swing, each on its own scale.
 *
 * <p>The negative binomial's tails come from the regularized beta function (Commons Statistics' beta
 * distribution): P(X ≤ k) = I_p(r, k + 1) and P(X ≥ k) = I_{1−p}(k, r), with r = 1/φ and p = r/(r + μ). Commons'
 * {@code PascalDistribution} would need a whole r.
 */
record CountModel(double mean, double dispersion) {

    /** Below this φ·μ the negative binomial's variance is within 1% of Poisson's, so Poisson is used. */
    private static final double POISSON_BELOW = 0.01;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** A mean of exactly 0 has no distribution; this stands for "almost never a count". */
    private static final double TINY_MEAN = 1e-6;

    CountModel {
        if (!(mean >= 0) || !(dispersion >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException(
                    "mean and dispersion must be finite and not negative: " + mean + ", " + dispersion);
        }
        mean = Math.max(mean, TINY_MEAN);
    }

    private boolean poisson() {
        return dispersion * mean < POISSON_BELOW;
    }

    double variance() {
        return mean + dispersion * mean * mean;
    }

    /** P(X ≤ k). */
    double atMost(long k) {
        if (k < 0) {
            return 0;
        }
        if (poisson()) {
            return PoissonDistribution.of(mean).cumulativeProbability(clampToInt(k));
        }
        double r = 1 / dispersion;
        return BetaDistribution.of(r, k + 1.0).cumulativeProbability(r / (r + mean));
    }

    /** P(X ≥ k). */
    double atLeast(long k) {
        if (k <= 0) {
            return 1;
        }
        if (poisson()) {
            return PoissonDistribution.of(mean).survivalProbability(clampToInt(k - 1));
        }
        double r = 1 / dispersion;
        return BetaDistribution.of(k, r).cumulativeProbability(mean / (r + mean));
    }

    /** How often a count at least as far from the mean as {@code x} comes up, both sides counted: 2·min(tails). */
    double twoSided(long x) {
        double below = atMost(x);
        if (below < 0.5 - 1e-9) {
            // The other tail is then at least 1 − P(X ≤ x) > ½ (the margin is far beyond rounding): this one is the
            // smaller, and only one costly tail is computed.
            return 2 * below;
        }
        return Math.min(1, 2 * Math.min(below, atLeast(x)));
    }

    /**
     * True when {@link #twoSided}(x) &lt; p. A count within two standard deviations is never rarer than 1 in 1,000
     * for these distributions, so the tails are computed only beyond that (for speed: most days are there).
     */
    boolean rarerThan(long x, double p) {
        if (p <= 1e-3 && Math.abs(x - mean) < 2 * Math.sqrt(variance())) {
            return false;
        }
        return twoSided(x) < p;
    }

    /** The smallest k with P(X ≤ k) ≥ q, for 0 &lt; q &lt; 1 (at most {@link #upperBound}). */
    long lowest(double q) {
        long top = upperBound();
        long guess = Math.min(guess(q), top - 1);
        long step = step();
        // Bracket the answer around the guess: lo is 0 or has P(X ≤ lo − 1) < q; hi is the top or has P(X ≤ hi) ≥ q.
        long lo;
        long hi;
        if (atMost(guess) >= q) {
            hi = guess;
            while (true) {
                long probe = hi - step;
                if (probe < 0) {
                    lo = 0;
                    break;
                }
                if (atMost(probe) < q) {
                    lo = probe + 1;
                    break;
                }
                hi = probe;
                step *= 2;
            }
        } else {
            lo = guess + 1;
            while (true) {
                long probe = lo + step;
                if (probe >= top) {
                    hi = top;
                    break;
                }
                if (atMost(probe) >= q) {
                    hi = probe;
                    break;
                }
                lo = probe + 1;
                step *= 2;
            }
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (atMost(mid) >= q) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The largest k with P(X ≥ k) ≥ q, for 0 &lt; q &lt; 1 (at most {@link #upperBound}). */
    long highest(double q) {
        long top = upperBound();
        long guess = guess(1 - q);
        long step = step();
        // Bracket: lo is 0 or has P(X ≥ lo) ≥ q; hi is the top or has P(X ≥ hi + 1) < q.
        long lo;
        long hi;
        if (atLeast(guess) >= q) {
            lo = guess;
            while (true) {
                long probe = lo + step;
                if (probe >= top) {
                    hi = top;
                    break;
                }
                if (atLeast(probe) < q) {
                    hi = probe - 1;
                    break;
                }
                lo = probe;
                step *= 2;
            }
        } else {
            hi = guess - 1;
            while (true) {
                long probe = hi - step;
                if (probe <= 0) {
                    lo = 0;
                    break;
                }
                if (atLeast(probe) >= q) {
                    lo = probe;
                    break;
                }
                hi = probe - 1;
                step *= 2;
            }
        }
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (atLeast(mid) >= q) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Where a quantile search starts: the normal approximation with the skewness term (Cornish–Fisher), within
     * [0, {@link #upperBound}]. Only the number of tail evaluations depends on it, never the answer: the search
     * brackets the exact quantile from here, and the tails are computed once per bracket step and bisection.
     */
    private long guess(double p) {
        double sigma = Math.sqrt(variance());
        double z = STANDARD_NORMAL.inverseCumulativeProbability(p);
        double skew = (1 + 2 * dispersion * mean) / sigma;
        double x = mean + sigma * (z + (z * z - 1) * skew / 6);
        return Math.max(0, Math.min(upperBound(), Math.round(x)));
    }

    /** The first bracket step: a small part of σ, so that a good guess needs few bisections. */
    private long step() {
        return Math.max(1, (long) Math.ceil(Math.sqrt(variance()) / 32));
    }

    private long upperBound() {
        return (long) Math.ceil(mean + 60 * Math.sqrt(variance()) + 20);
    }

    private static int clampToInt(long k) {
        return (int) Math.min(k, Integer.MAX_VALUE);
    }
}
