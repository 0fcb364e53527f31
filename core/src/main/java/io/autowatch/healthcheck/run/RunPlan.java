package io.autowatch.healthcheck.run;

import io.autowatch.healthcheck.Shard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sharded run will do: the shards its workers check, each with the same scheduled {@code time} (so each job
 * is checked for its own last complete day) and the same {@code run} name. No shards when the day was planned by
 * another execution already ({@code heldBy}).
 *
 * @param day    the UTC day the run is for, which the execution holds
 * @param jobs   how many jobs wrote within the longest look-back: what the shards were counted from
 * @param heldBy the execution that planned the day before this one, if any
 */
public record RunPlan(LocalDate day, Instant time, String run, long jobs, List<Shard> shards, Optional<String> heldBy) {

    public RunPlan {
        shards = List.copyOf(shards);
    }

    /** The plan as the workflow reads it: each shard as the {@code detail.shard} its worker is invoked with. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("day", day.toString());
        fields.put("time", time.toString());
        fields.put("run", run);
        fields.put("jobs", jobs);
        fields.put("shards", shards.stream().map(Shard::fields).toList());
        heldBy.ifPresent(other -> fields.put("heldBy", other));
        return fields;
    }
}
