package io.autowatch.healthcheck;

import io.autowatch.counts.DayCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy's verdict on one job and day.
 *
 * @param bands   present when the history was large enough to compute them
 * @param history the days the verdict was computed from, most recent first
 * @param expectation what was expected and why, for policies that say so ({@code adaptive}); empty for
 *                    {@code classic}
 */
public record Assessment(
        LocalDate day,
        long count,
        HealthStatus status,
        String policy,
        Optional<Bands> bands,
        List<DayCount> history,
        Optional<Expectation> expectation) {

    public Assessment {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bands, "bands");
        history = List.copyOf(history);
        Objects.requireNonNull(expectation, "expectation");
    }

    /** An assessment without an expectation, as {@code classic} gives. */
    public Assessment(
            LocalDate day,
            long count,
            HealthStatus status,
            String policy,
            Optional<Bands> bands,
            List<DayCount> history) {
        this(day, count, status, policy, bands, history, Optional.empty());
    }
}
