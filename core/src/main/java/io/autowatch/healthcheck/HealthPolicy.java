package io.autowatch.healthcheck;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.judge.Policies;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A rule that judges one job's day against its own past. Implementations are pure functions: no I/O, no clock,
 * the same input always gives the same assessment. Register new ones in {@link Policies}.
 */
public interface HealthPolicy {

    /** The name used in settings ({@code policy}) and stored with every result. */
    String name();

    /** Judges {@code input.count()} on {@code input.day()}; never throws for any valid input. */
    Assessment assess(Input input);

    /**
     * What a policy sees.
     *
     * @param day      the checked day
     * @param count    the count on that day (a missing item is 0)
     * @param previous the job's recorded days within its look-back before {@code day}, most recent first; zero days
     *                 included, so that each policy decides what they mean
     * @param settings the job's settings
     */
    record Input(LocalDate day, long count, List<DayCount> previous, JobSettings settings) {
        public Input {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(settings, "settings");
            previous = List.copyOf(previous);
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
        }
    }
}
