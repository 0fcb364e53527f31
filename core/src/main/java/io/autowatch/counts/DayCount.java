package io.autowatch.counts;

import java.time.LocalDate;
import java.util.Objects;

/** What a job counted on one calendar day. */
public record DayCount(LocalDate day, long count) {
    public DayCount {
        Objects.requireNonNull(day, "day");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count + " on " + day);
        }
    }
}
