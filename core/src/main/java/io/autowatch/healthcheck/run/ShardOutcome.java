package io.autowatch.healthcheck.run;

import io.autowatch.healthcheck.Shard;
import java.util.Map;

/** How one shard's worker ended, as the workflow's map state hands it to the summary. */
public sealed interface ShardOutcome {

    Shard shard();

    /** The worker's summary: checked, alerts, failed and the rest (RunSummary's fields). */
    record Done(Shard shard, Map<String, Object> fields) implements ShardOutcome {

        public long get(String field) {
            return fields.get(field) instanceof Number n ? n.longValue() : 0;
        }
    }

    /** The worker failed after its retries; the map tolerated it. */
    record Failed(Shard shard, String error, String cause) implements ShardOutcome {}
}
