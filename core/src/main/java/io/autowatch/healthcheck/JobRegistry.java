package io.autowatch.healthcheck;

import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Which jobs exist, by {@link Shard} bucket, and the last day each wrote a count (port). It is filled from the counts
 * table's change stream (a day's first count of a job), never by the writers, whose one {@code UpdateItem} stays as
 * it is (SPEC §1); so a shard's run finds its jobs without reading every job's days.
 */
public interface JobRegistry {

    /** The shard's jobs whose last count is on or after {@code since}. */
    Set<JobId> jobs(Shard shard, LocalDate since);

    /** How many jobs wrote a count on or after {@code since}: what a run plans its shards by. */
    long count(LocalDate since);

    /** Records, for each job, a day it wrote a count; a later day already recorded is kept. */
    void record(Map<JobId, LocalDate> days);

    /**
     * Whether the registry was filled from the counts stored before it existed (the stream records only what is
     * written after it is turned on). A registry that was never filled is filled by the first plan.
     */
    boolean filled();

    void markFilled(LocalDate on);
}
