package io.autowatch.benchmarks;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/** One-sided tail of a count against a mean and variance: negative binomial matched to them, else Poisson. */
final class Tails {

    private Tails() {}

    /** P(X ≤ counted) when counted is below the mean, else P(X ≥ counted). */
    static double oneSided(long counted, double mean, double variance) {
        double excess = variance - mean;
        boolean below = counted < mean;
        if (excess <= 1e-9 * mean) {
            PoissonDistribution p = PoissonDistribution.of(mean);
            return below ? p.cumulativeProbability((int) counted) : p.survivalProbability((int) counted - 1);
        }
        double r = mean * mean / excess;
        if (below) {
            return BetaDistribution.of(r, counted + 1.0).cumulativeProbability(r / (r + mean));
        }
        return counted == 0 ? 1 : BetaDistribution.of(counted, r).cumulativeProbability(mean / (r + mean));
    }
}
