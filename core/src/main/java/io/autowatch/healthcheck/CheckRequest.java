package io.autowatch.healthcheck;

import io.autowatch.counts.JobId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one run checks.
 *
 * @param time the scheduled event's time: each job is checked for its last complete day in its own time zone
 * @param day  a fixed day to check for every job (manual run, backfill); overrides {@code time}
 * @param jobs limit the run to these jobs; empty means every job that reported within its look-back
 * @param run   what identifies the event this run serves (its id, or a digest of it), kept on its claims for
 *              whoever reads them
 * @param shard the part of the jobs this run checks; {@link Shard#ALL} for a whole run
 */
public record CheckRequest(Instant time, Optional<LocalDate> day, Set<JobId> jobs, String run, Shard shard) {

    public CheckRequest {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(shard, "shard");
        jobs = Set.copyOf(jobs);
    }

    public CheckRequest(Instant time, Optional<LocalDate> day, Set<JobId> jobs) {
        this(time, day, jobs, "", Shard.ALL);
    }

    /** The same request, identified as {@code run}. */
    public CheckRequest asRun(String run) {
        return new CheckRequest(time, day, jobs, run, shard);
    }

    /** The same request for one shard of the jobs. */
    public CheckRequest inShard(Shard part) {
        return new CheckRequest(time, day, jobs, run, part);
    }

    public boolean sharded() {
        return shard.count() > 1;
    }

    public static CheckRequest scheduled(Instant time) {
        return new CheckRequest(time, Optional.empty(), Set.of());
    }

    public static CheckRequest forDay(Instant time, LocalDate day, Set<JobId> jobs) {
        return new CheckRequest(time, Optional.of(day), jobs);
    }

    /** The day a job in {@code zone} is checked for. */
    public LocalDate dayFor(ZoneId zone) {
        return day.orElseGet(() -> time.atZone(zone).toLocalDate().minusDays(1));
    }
}
