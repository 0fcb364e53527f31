package io.autowatch.benchmarks;

/**
 * A labelled incident: days {@code start} to {@code end} (indices into the job's days, both inclusive).
 *
 * @param detectable whether a one-sided test of its days against the clean mean gives p &lt; 1e-3: an incident the
 *                   job's own noise could hide is not held against a policy's recall of detectable incidents
 */
record Incident(Kind kind, int start, int end, boolean detectable) {

    enum Kind {
        DUPLICATE_SENDS,
        PARTIAL_FAILURE,
        TOTAL_FAILURE,
        MISSED_RUN_CATCH_UP,
        SLOW_DEGRADATION,
        /** A labelled event of a real series (see {@link LabelledSeries}). */
        KNOWN_EVENT
    }
}
