package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.CountsReader.RejectedCount;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.log.Log;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the {@link JobRegistry} from the counts already stored: once, when a deployment that predates the registry
 * upgrades (README, Changelog 0.5.0), and for the local runtime, which has no change stream. Every job that wrote
 * within the days read is recorded with the last day it wrote; recording is idempotent, so running it again, or
 * beside the stream's own recording, changes nothing.
 */
public final class RegistryBackfill {

    private static final Log LOG = Log.of(RegistryBackfill.class);

    private RegistryBackfill() {}

    /** @return how many jobs were recorded */
    public static int fill(CountsReader counts, JobRegistry registry, LocalDate from, LocalDate to) {
        Map<JobId, LocalDate> last = new HashMap<>();
        Snapshot snapshot = counts.read(from, to);
        for (Map.Entry<JobId, CountSeries> e : snapshot.series().entrySet()) {
            List<DayCount> days = e.getValue().recordedBetween(from, to);
            if (!days.isEmpty()) {
                last.put(e.getKey(), days.getFirst().day()); // newest first
            }
        }
        // A job whose item is not a valid count still wrote: its shard must find it, to say so.
        for (RejectedCount r : snapshot.rejected()) {
            if (JobId.isValid(r.job())) {
                try {
                    last.merge(JobId.of(r.job()), LocalDate.parse(r.day()), (a, b) -> a.isAfter(b) ? a : b);
                } catch (DateTimeParseException ignored) {
                    // Not a day: no run checks it.
                }
            }
        }
        registry.record(last);
        LOG.info("registry_backfilled", "jobs", last.size(), "from", from, "to", to);
        return last.size();
    }
}
