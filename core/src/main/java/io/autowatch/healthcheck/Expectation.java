package io.autowatch.healthcheck;

import io.autowatch.healthcheck.judge.AlertRule;
import java.util.Objects;

/**
 * What a policy expected on a day, how far off the count was and why, in numbers and in words. The {@code adaptive}
 * policy fills it; {@code classic} leaves {@link Assessment#expectation()} empty, and its bands say the same.
 *
 * @param expected    the expected count
 * @param low         the lowest count that would not have alerted on its own (the model's range widened by the floor)
 * @param high        the highest such count
 * @param probability how often the job's own noise gives a count at least this far from {@code expected}, both
 *                    sides counted (1 when nothing was judged, e.g. an excluded day)
 * @param verdict     what the policy made of it; {@link AlertRule} reads it for zero days
 * @param basis       where the expectation came from, e.g. "last 4 Tuesdays: 1,180, 1,210, 1,250, 1,230"
 * @param explanation one sentence for the person on call
 * @param lowConfidence true while the history is too short for a weekday baseline (a pooled one was used)
 */
public record Expectation(
        double expected,
        long low,
        long high,
        double probability,
        Verdict verdict,
        String basis,
        String explanation,
        boolean lowConfidence) {

    /** What the model made of the count. */
    public enum Verdict {
        /** Within what the job's own noise explains, or too small a change to matter. */
        USUAL,
        /** Improbable under the model and past the floor: the day alerts, a zero day included. */
        IMPROBABLE,
        /** An excluded date (holiday, known event): never alerts, never learned from. */
        EXCLUDED,
        /** An expected-low date with a count below the expectation (a zero included): never alerts, never learned from. */
        EXPECTED_LOW;

        /** A day the calendar took out of judging: it neither alerts nor tells of a recovery. */
        public boolean unjudged() {
            return this == EXCLUDED || this == EXPECTED_LOW;
        }
    }

    public Expectation {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(explanation, "explanation");
        if (!(expected >= 0) || low > high || !(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("inconsistent expectation: expected " + expected + ", range " + low
                    + " to " + high + ", probability " + probability);
        }
    }
}
