package io.autowatch.functions.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an event to the health-check function asks for: a run (scheduled, manual, a backfill, one shard's), a
 * retirement, or a step of a run in shards.
 */
sealed interface HealthCheckEvent
        permits HealthCheckEvent.Check, RetireRequests.Retire, ShardedRequests.Plan, ShardedRequests.Summary {

    /** A run of the check (README, "Running it by hand"). */
    record Check(CheckRequest request) implements HealthCheckEvent {}

    /**
     * Reads the event; anything malformed is refused with a message naming the field, before anything is changed.
     *
     * @param now when the event arrived, for a scheduled event without a time
     */
    static HealthCheckEvent parse(byte[] event, Instant now) {
        Map<String, Object> root = Json.readObject(event);
        Optional<HealthCheckEvent> step = ShardedRequests.parse(root, now);
        if (step.isPresent()) {
            return step.get();
        }
        return RetireRequests.parse(root)
                .<HealthCheckEvent>map(retire -> retire)
                .orElseGet(() -> new Check(CheckRequests.parse(root, event, now)));
    }

    /** Reads the event as {@link #parse} does, and logs a refusal with the invocation's request id before throwing. */
    static HealthCheckEvent parse(byte[] event, Instant now, Context context) {
        try {
            return parse(event, now);
        } catch (IllegalArgumentException e) {
            String requestId = context == null ? null : context.getAwsRequestId();
            Log.of(HealthCheckHandler.class)
                    .error("request_rejected", "requestId", requestId, "reason", e.getMessage());
            throw e;
        }
    }
}
