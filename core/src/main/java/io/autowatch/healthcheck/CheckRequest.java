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
 * @param part  the shard this run checks, when a workflow sent it one (even the one shard of a small deployment's
 *              run: its answer goes to the summary, which counts the run); empty for a whole run
 */
public record CheckRequest(Instant time, Optional<LocalDate> day, Set<JobId> jobs, String run, Optional<Shard> part) {

    public CheckRequest {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(part, "part");
        jobs = Set.copyOf(jobs);
    }

    public CheckRequest(Instant time, Optional<LocalDate> day, Set<JobId> jobs) {
        this(time, day, jobs, "", Optional.empty());
    }

    /** The same request, identified as {@code run}. */
    public CheckRequest asRun(String run) {
        return new CheckRequest(time, day, jobs, run, part);
    }

    /** The same request for one shard of the jobs. */
    public CheckRequest inShard(Shard shard) {
        return new CheckRequest(time, day, jobs, run, Optional.of(shard));
    }

    /** Whether this run is one shard of a workflow's run (which its summary completes), not a whole run. */
    public boolean sharded() {
        return part.isPresent();
    }

    /** The jobs this run checks: its shard's, or all ({@link Shard#ALL}). */
    public Shard shard() {
        return part.orElse(Shard.ALL);
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
