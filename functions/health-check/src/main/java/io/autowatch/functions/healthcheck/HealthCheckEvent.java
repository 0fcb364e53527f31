package io.autowatch.functions.healthcheck;

import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.json.Json;
import java.time.Instant;
import java.util.Map;

/** What an event to the health-check function asks for: a run (scheduled, manual, a backfill) or a retirement. */
sealed interface HealthCheckEvent permits HealthCheckEvent.Check, RetireRequests.Retire {

    /** A run of the check (README, "Running it by hand"). */
    record Check(CheckRequest request) implements HealthCheckEvent {}

    /**
     * Reads the event; anything malformed is refused with a message naming the field, before anything is changed.
     *
     * @param now when the event arrived, for a scheduled event without a time
     */
    static HealthCheckEvent parse(byte[] event, Instant now) {
        Map<String, Object> root = Json.readObject(event);
        return RetireRequests.parse(root)
                .<HealthCheckEvent>map(retire -> retire)
                .orElseGet(() -> new Check(CheckRequests.parse(root, event, now)));
    }
}
