package io.autowatch.healthcheck.judge.classic;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.Bands;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The seed's rule (README, "The health check"). History: the job's most recent {@code window} non-zero days before the checked day,
 * within its look-back. A count of 0 is {@code ZERO}; fewer than {@code minHistory} history days is
 * {@code INSUFFICIENT_HISTORY}; otherwise the count is {@code UNHEALTHY} when it lies outside μ ± kσ <em>and</em>
 * outside μ ± p% of μ, and {@code HEALTHY} when it lies inside either band.
 *
 * <p>σ is the <em>sample</em> standard deviation (divisor n − 1). The history is a small sample of the job's
 * behaviour, and the sample deviation is the usual estimate of its spread from so few points; it is slightly wider
 * than the population deviation (by √(14/13) ≈ 1.04 for 14 points), which leans towards fewer false alarms.
 *
 * <p>"Outside" is strict: a count exactly on a band's edge is inside. The comparisons are made in exact integer and
 * decimal arithmetic, squared so that no square root is taken, so that edge cases do not depend on rounding:
 * |x − μ| &gt; kσ ⇔ (n·x − S)²·(n − 1) &gt; k²·n·(n·Q − S²) and |x − μ| &gt; p%·μ ⇔ 100·|n·x − S| &gt; p·S,
 * with S and Q the sum and the sum of squares of the n history days. With σ = 0 (a perfectly flat history) the
 * deviation band is the mean alone, so the relative band decides.
 */
public final class ClassicPolicy implements HealthPolicy {

    public static final String NAME = "classic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Assessment assess(Input input) {
        JobSettings settings = input.settings();
        List<DayCount> history = input.previous().stream()
                .filter(d -> !d.day().isBefore(input.day().minusDays(settings.lookbackDays())))
                .filter(d -> d.day().isBefore(input.day()))
                .filter(d -> d.count() > 0)
                .limit(settings.window())
                .toList();
        Optional<Bands> bands = history.size() >= 2 ? Optional.of(bands(history, settings)) : Optional.empty();
        HealthStatus status;
        if (input.count() == 0) {
            status = HealthStatus.ZERO;
        } else if (history.size() < settings.minHistory()) {
            status = HealthStatus.INSUFFICIENT_HISTORY;
        } else if (outsideSigmaBand(input.count(), history, settings.sigmas())
                && outsidePercentBand(input.count(), history, settings.percent())) {
            status = HealthStatus.UNHEALTHY;
        } else {
            status = HealthStatus.HEALTHY;
        }
        return new Assessment(input.day(), input.count(), status, NAME, bands, history);
    }

    static boolean outsideSigmaBand(long count, List<DayCount> history, BigDecimal sigmas) {
        Sums s = Sums.of(history);
        BigInteger deviation = s.n.multiply(BigInteger.valueOf(count)).subtract(s.sum);
        BigInteger left = deviation.multiply(deviation).multiply(s.n.subtract(BigInteger.ONE));
        BigDecimal right = sigmas.multiply(sigmas).multiply(new BigDecimal(s.n.multiply(s.spread())));
        return new BigDecimal(left).compareTo(right) > 0;
    }

    static boolean outsidePercentBand(long count, List<DayCount> history, BigDecimal percent) {
        Sums s = Sums.of(history);
        BigInteger deviation =
                s.n.multiply(BigInteger.valueOf(count)).subtract(s.sum).abs();
        BigDecimal left = new BigDecimal(deviation.multiply(BigInteger.valueOf(100)));
        BigDecimal right = percent.multiply(new BigDecimal(s.sum));
        return left.compareTo(right) > 0;
    }

    private static Bands bands(List<DayCount> history, JobSettings settings) {
        Sums s = Sums.of(history);
        double mean = new BigDecimal(s.sum)
                .divide(new BigDecimal(s.n), MathContext.DECIMAL64)
                .doubleValue();
        BigDecimal variance = new BigDecimal(s.spread())
                .divide(new BigDecimal(s.n.multiply(s.n.subtract(BigInteger.ONE))), MathContext.DECIMAL64);
        double sigma = variance.sqrt(MathContext.DECIMAL64).doubleValue();
        double k = settings.sigmas().doubleValue();
        double p = settings.percent().doubleValue() / 100.0;
        return new Bands(
                history.size(), mean, sigma, mean - k * sigma, mean + k * sigma, mean * (1 - p), mean * (1 + p));
    }

    /** n, S = Σx, Q = Σx² of a history, exactly. */
    private record Sums(BigInteger n, BigInteger sum, BigInteger sumOfSquares) {
        static Sums of(List<DayCount> history) {
            BigInteger sum = BigInteger.ZERO;
            BigInteger squares = BigInteger.ZERO;
            for (DayCount day : history) {
                BigInteger x = BigInteger.valueOf(day.count());
                sum = sum.add(x);
                squares = squares.add(x.multiply(x));
            }
            return new Sums(BigInteger.valueOf(history.size()), sum, squares);
        }

        /** n·Q − S², which is n times the sum of squared deviations from the mean. */
        BigInteger spread() {
            return n.multiply(sumOfSquares).subtract(sum.multiply(sum));
        }
    }
}
