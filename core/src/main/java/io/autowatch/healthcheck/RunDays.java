package io.autowatch.healthcheck;

import java.time.LocalDate;

/**
 * Which workflow execution runs each day's sharded check (port): the first to plan a day holds it, so a second
 * trigger of the same day (Scheduler delivers at least once) plans nothing.
 */
public interface RunDays {

    /**
     * Claims {@code day} for {@code execution}.
     *
     * @return the execution that holds the day: {@code execution} itself when the claim is its (new, or a retry of
     *     its own plan), another one's when the day was planned already
     */
    String claim(LocalDate day, String execution);
}
