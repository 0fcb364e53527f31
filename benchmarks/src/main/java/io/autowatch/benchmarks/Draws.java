package io.autowatch.benchmarks;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/** The generator's random draws (counts with the job's own noise, uniforms, normals) and its busy-day calendar. */
final class Draws {

    private Draws() {}

    /** A count with mean {@code mean}: Poisson around a gamma-distributed rate (negative binomial overdispersion). */
    static long sample(double mean, double dispersion, UniformRandomProvider rng) {
        if (mean <= 0) {
            return 0;
        }
        double rate = GammaDistribution.of(1 / dispersion, mean * dispersion)
                .createSampler(rng)
                .sample();
        return rate <= 0 ? 0 : PoissonDistribution.of(rate).createSampler(rng).sample();
    }

    static void mark(boolean[] days, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(days.length, to); i++) {
            days[i] = true;
        }
    }

    static boolean anyBusy(boolean[] days, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(days.length, to); i++) {
            if (days[i]) {
                return true;
            }
        }
        return false;
    }

    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** A standard normal by inverse CDF, so that the stream of draws stays one uniform per value. */
    static double gaussian(SplittableRandom random) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(random.nextDouble());
    }
}
