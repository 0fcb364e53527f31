package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.log.Log;
import java.time.LocalDate;
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
        Map<JobId, LocalDate> last = counts.writers(from, to);
        registry.record(last);
        LOG.info("registry_backfilled", "jobs", last.size(), "from", from, "to", to);
        return last.size();
    }
}
