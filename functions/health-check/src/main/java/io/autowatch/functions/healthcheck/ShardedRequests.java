package io.autowatch.functions.healthcheck;

import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.run.RunPlan;
import io.autowatch.healthcheck.run.ShardOutcome;
import io.autowatch.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow's two steps around the shards (README, "A run in shards"), as the state machine invokes the function:
 * {@code {"action": "plan", "execution": ARN, "event": {a Scheduled Event}}} and
 * {@code {"action": "summary", "execution": ARN, "plan": {…}, "results": [{…}, …]}}. Each shard's own step is an
 * ordinary run with {@code detail.shard}.
 */
final class ShardedRequests {

    /** Plan the run of the event's day. */
    record Plan(CheckRequest request, String execution) implements HealthCheckEvent {}

    /** Add up the shards' outcomes. */
    record Summary(RunPlan plan, List<ShardOutcome> outcomes, String execution) implements HealthCheckEvent {}

    private ShardedRequests() {}

    /** The step, or empty when the event is not one (it has no {@code action}). */
    static Optional<HealthCheckEvent> parse(Map<String, Object> root, Instant now) {
        Object action = root.get("action");
        if (action == null) {
            return Optional.empty();
        }
        String execution = text(root.get("execution"), "execution");
        return switch (String.valueOf(action)) {
            case "plan" -> {
                if (!(root.get("event") instanceof Map<?, ?> event)) {
                    throw new IllegalArgumentException("'event' must be the Scheduled Event to plan, an object");
                }
                byte[] bytes = Json.write(event).getBytes(StandardCharsets.UTF_8);
                yield Optional.of(new Plan(CheckRequests.parse(bytes, now), execution));
            }
            case "summary" ->
                Optional.of(new Summary(plan(root.get("plan")), outcomes(root.get("results")), execution));
            default ->
                throw new IllegalArgumentException(
                        "'action' must be \"plan\" or \"summary\", got " + Json.describe(action));
        };
    }

    /** A shard's run answers with its shard, so that the workflow's summary knows which part each result is. */
    static Map<String, Object> withShard(Map<String, Object> fields, CheckRequest request) {
        if (!request.sharded()) {
            return fields;
        }
        Map<String, Object> reply = new LinkedHashMap<>(fields);
        reply.put("shard", request.shard().fields());
        return reply;
    }

    private static RunPlan plan(Object value) {
        if (!(value instanceof Map<?, ?> plan)) {
            throw new IllegalArgumentException("'plan' must be the plan step's output, an object");
        }
        List<Shard> shards = new ArrayList<>();
        for (Object shard : plan.get("shards") instanceof List<?> list ? list : List.of()) {
            shards.add(CheckRequests.shard(shard));
        }
        return new RunPlan(
                LocalDate.parse(text(plan.get("day"), "plan.day")),
                Instant.parse(text(plan.get("time"), "plan.time")),
                text(plan.get("run"), "plan.run"),
                plan.get("jobs") instanceof Number n ? n.longValue() : 0,
                shards,
                Optional.empty());
    }

    private static List<ShardOutcome> outcomes(Object value) {
        if (!(value instanceof List<?> results)) {
            throw new IllegalArgumentException("'results' must be the map state's output, a list");
        }
        List<ShardOutcome> outcomes = new ArrayList<>();
        for (Object item : results) {
            if (!(item instanceof Map<?, ?> result)) {
                throw new IllegalArgumentException("each of 'results' must be an object, got " + Json.describe(item));
            }
            Shard shard = CheckRequests.shard(result.get("shard"));
            if (result.containsKey("Error")) {
                outcomes.add(new ShardOutcome.Failed(
                        shard, String.valueOf(result.get("Error")), String.valueOf(result.get("Cause"))));
            } else {
                Map<String, Object> fields = new LinkedHashMap<>();
                result.forEach((k, v) -> fields.put(String.valueOf(k), v));
                fields.remove("shard");
                outcomes.add(new ShardOutcome.Done(shard, fields));
            }
        }
        return outcomes;
    }

    private static String text(Object value, String field) {
        if (value instanceof String s && !s.isBlank() && s.length() <= 2048) {
            return s;
        }
        throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
    }
}
