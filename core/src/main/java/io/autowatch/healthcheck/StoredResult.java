package io.autowatch.healthcheck;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A check result as stored, read back for people (the dashboard, the chart, the CLI). Its bands and expectation are
 * the ones the check computed from that day's own history; empty where there were none (too little history, a
 * policy that gives no expectation, or a failure).
 *
 * @param status      a {@link HealthStatus} name, or {@code FAILED}
 * @param policy      the policy that judged the day; empty for a failure (no policy judged it)
 * @param expectation what the policy expected, for policies that say so ({@code adaptive}); as stored, so rounded
 * @param alerted     whether the day raised an alert (false for results stored before this was read back)
 */
public record StoredResult(
        String job,
        LocalDate day,
        String status,
        long count,
        Optional<Double> mean,
        Optional<Double> sigmaLow,
        Optional<Double> sigmaHigh,
        Optional<Double> percentLow,
        Optional<Double> percentHigh,
        Optional<String> policy,
        Optional<Expected> expectation,
        boolean alerted) {

    public StoredResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(expectation, "expectation");
    }

    /** A result without a policy or an expectation, as results stored before either was written read back. */
    public StoredResult(
            String job,
            LocalDate day,
            String status,
            long count,
            Optional<Double> mean,
            Optional<Double> sigmaLow,
            Optional<Double> sigmaHigh,
            Optional<Double> percentLow,
            Optional<Double> percentHigh) {
        this(
                job,
                day,
                status,
                count,
                mean,
                sigmaLow,
                sigmaHigh,
                percentLow,
                percentHigh,
                Optional.empty(),
                Optional.empty(),
                false);
    }

    /**
     * An {@link Expectation} as stored: the same fields, with the numbers rounded and the words capped.
     *
     * @param verdict a {@link Expectation.Verdict} name
     */
    public record Expected(
            double expected,
            long low,
            long high,
            double probability,
            String verdict,
            String basis,
            String explanation,
            boolean lowConfidence) {

        public Expected {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(explanation, "explanation");
        }

        /** True for an excluded date: nothing was expected, so there is nothing to draw. */
        public boolean excluded() {
            return verdict.equals(Expectation.Verdict.EXCLUDED.name());
        }

        /**
         * The probability as "1 day in N", N to one significant digit (1 day in 10,000); 1 for a usual day (a
         * probability of one half or more).
         */
        public long oneDayIn() {
            if (probability >= 0.5) {
                return 1;
            }
            if (!(probability > 0)) {
                return Long.MAX_VALUE;
            }
            double days = 1 / probability;
            if (days < 10) {
                return Math.round(days);
            }
            double magnitude = Math.pow(10, Math.floor(Math.log10(days)));
            return Math.round(Math.round(days / magnitude) * magnitude);
        }
    }
}
