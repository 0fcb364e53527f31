package io.autowatch.health;

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
 */
public record Assessment(
        LocalDate day, long count, HealthStatus status, String policy, Optional<Bands> bands, List<DayCount> history) {

    public Assessment {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bands, "bands");
        history = List.copyOf(history);
    }
}
