package io.autowatch.healthcheck.judge.adaptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

class CountModelTest {

    @Test
    void tails_whenRIsWhole_matchCommonsPascalDistribution() {
        // φ = 0.25 → r = 4; mean 20 → p = r / (r + μ) = 1/6.
        CountModel model = new CountModel(20, 0.25);
        PascalDistribution pascal = PascalDistribution.of(4, 4 / 24.0);

        for (int k : new int[] {0, 3, 10, 20, 45, 90}) {
            assertThat(model.atMost(k)).as("P(X ≤ %d)", k).isCloseTo(pascal.cumulativeProbability(k), within(1e-12));
            assertThat(model.atLeast(k)).as("P(X ≥ %d)", k).isCloseTo(pascal.survivalProbability(k - 1), within(1e-12));
        }
    }

    @Test
    void tails_whenOverdispersionAddsNothing_arePoisson() {
        CountModel model = new CountModel(3, 1e-5);
        PoissonDistribution poisson = PoissonDistribution.of(3);

        assertThat(model.atMost(0)).isCloseTo(poisson.probability(0), within(1e-12));
        assertThat(model.atLeast(7)).isCloseTo(poisson.survivalProbability(6), within(1e-12));
        assertThat(model.variance()).isCloseTo(3, within(1e-3));
    }

    @Test
    void lowestAndHighest_boundTheCountsThatAreNotRarerThanTheTail() {
        CountModel model = new CountModel(300_000, 0.0025);
        double tail = 2.5e-5;

        long low = model.lowest(tail);
        long high = model.highest(tail);

        assertThat(model.atMost(low)).isGreaterThanOrEqualTo(tail);
        assertThat(model.atMost(low - 1)).isLessThan(tail);
        assertThat(model.atLeast(high)).isGreaterThanOrEqualTo(tail);
        assertThat(model.atLeast(high + 1)).isLessThan(tail);
        assertThat(low).isBetween(240_000L, 270_000L);
        assertThat(high).isBetween(330_000L, 365_000L);
    }

    @Test
    void lowestAndHighest_startingFromTheirGuess_findWhatABisectionOfTheWholeRangeFinds() {
        for (double mean : new double[] {1e-6, 0.3, 2, 9, 140, 5_000, 123_456, 3e8}) {
            for (double dispersion : new double[] {0, 1e-4, 0.0025, 0.04, 0.5, 3}) {
                for (double tail : new double[] {1e-12, 2.5e-5, 1e-3, 0.05, 0.4}) {
                    CountModel model = new CountModel(mean, dispersion);
                    String what = "mean " + mean + ", φ " + dispersion + ", tail " + tail;
                    assertThat(model.lowest(tail)).as(what).isEqualTo(bisectLowest(model, tail));
                    assertThat(model.highest(tail)).as(what).isEqualTo(bisectHighest(model, tail));
                }
            }
        }
    }

    /** The search as first written: bisection over 0 to mean + 60σ + 20. */
    private static long bisectLowest(CountModel model, double q) {
        long lo = 0;
        long hi = (long) Math.ceil(model.mean() + 60 * Math.sqrt(model.variance()) + 20);
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (model.atMost(mid) >= q) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long bisectHighest(CountModel model, double q) {
        long lo = 0;
        long hi = (long) Math.ceil(model.mean() + 60 * Math.sqrt(model.variance()) + 20);
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (model.atLeast(mid) >= q) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Test
    void rarerThan_agreesWithTheExactTailsAroundTheScreen() {
        CountModel model = new CountModel(9, 0);

        assertThat(model.rarerThan(0, 1e-3)).isEqualTo(model.twoSided(0) < 1e-3);
        assertThat(model.rarerThan(4, 1e-3)).isFalse();
        assertThat(model.rarerThan(25, 1e-3)).isTrue();
    }
}
