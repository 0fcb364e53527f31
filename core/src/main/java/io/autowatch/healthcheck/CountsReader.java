package io.autowatch.healthcheck;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Reads every job's daily counts over a range of days (port; the DynamoDB adapter reads the counts table). */
public interface CountsReader {

    /**
     * Every count recorded from {@code from} to {@code to}, both inclusive, by job.
     *
     * @throws SystemFailureException when the counts cannot be read at all (table missing, access denied, reads
     *     still throttled after retries): no job could be judged fairly, so the whole run must fail and be retried
     */
    Snapshot read(LocalDate from, LocalDate to);

    /**
     * The counts of {@code jobs} only (all jobs when empty): a job that asks for its own check as it finishes
     * should not make the check read every job's history.
     */
    default Snapshot read(LocalDate from, LocalDate to, Set<JobId> jobs) {
        Snapshot all = read(from, to);
        if (jobs.isEmpty()) {
            return all;
        }
        Map<JobId, CountSeries> mine = new HashMap<>(all.series());
        mine.keySet().retainAll(jobs);
        Set<String> ids = jobs.stream().map(JobId::value).collect(Collectors.toSet());
        return new Snapshot(
                mine, all.rejected().stream().filter(r -> ids.contains(r.job())).toList());
    }

    /**
     * The counts of the shard's jobs (of {@code jobs} only, when not empty). By default every job's are read and the
     * others left out; a reader that can list a shard's jobs reads only theirs.
     */
    default Snapshot read(LocalDate from, LocalDate to, Shard shard, Set<JobId> jobs) {
        Snapshot all = read(from, to, jobs);
        if (shard.count() == 1) {
            return all;
        }
        Map<JobId, CountSeries> mine = new HashMap<>(all.series());
        mine.keySet().removeIf(job -> !shard.contains(job));
        return new Snapshot(
                mine,
                all.rejected().stream().filter(r -> shard.contains(r.job())).toList());
    }

    /**
     * The same counts as {@link #read(LocalDate, LocalDate, Shard, Set)}, handed to {@code part} a part at a time as
     * they are read, so that judging can start before the last job is read. A part holds whole jobs: every count of
     * each of its jobs in the days read (a job is never judged on part of its history). By default one part holds
     * them all; a reader may hand parts over from several threads at once.
     *
     * @throws SystemFailureException as {@code read} does; the parts handed over before it stay handed over
     */
    default void readInParts(LocalDate from, LocalDate to, Shard shard, Set<JobId> jobs, Consumer<Snapshot> part) {
        part.accept(read(from, to, shard, jobs));
    }

    /**
     * Every job that wrote a count from {@code from} to {@code to}, with the last day it wrote, read from the counts
     * themselves (not from a job registry: this is what fills one). A job whose item is not a valid count wrote too:
     * its check must find it, to say so.
     */
    default Map<JobId, LocalDate> writers(LocalDate from, LocalDate to) {
        Snapshot snapshot = read(from, to);
        Map<JobId, LocalDate> last = new HashMap<>();
        snapshot.series().forEach((job, series) -> {
            List<DayCount> days = series.recordedBetween(from, to);
            if (!days.isEmpty()) {
                last.put(job, days.getFirst().day()); // newest first
            }
        });
        for (RejectedCount r : snapshot.rejected()) {
            if (JobId.isValid(r.job())) {
                try {
                    last.merge(JobId.of(r.job()), LocalDate.parse(r.day()), (a, b) -> a.isAfter(b) ? a : b);
                } catch (DateTimeParseException ignored) {
                    // Not a day: no run checks it.
                }
            }
        }
        return last;
    }

    /**
     * @param series   by job; each series covers exactly {@code from..to}
     * @param rejected stored items that are not valid counts, or whose job id is not valid (left out of
     *                 {@code series})
     */
    record Snapshot(Map<JobId, CountSeries> series, List<RejectedCount> rejected) {
        public Snapshot {
            series = Map.copyOf(series);
            rejected = List.copyOf(rejected);
        }
    }

    /** An item that a writer stored but that is not a valid count. */
    record RejectedCount(String job, String day, String reason) {
        public RejectedCount {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
