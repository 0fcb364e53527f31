package io.autowatch.testing.fakes;

import io.autowatch.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PagerDuty's Events API v2 on loopback: {@code POST /v2/enqueue} with the documented request rules (PagerDuty's
 * OpenAPI document, {@code reference/events-v2/openapiv3.json}) and answers: 202 {@code {"status":"success",
 * "message":"Event processed","dedup_key":…}}, or 400 {@code {"status":"invalid event","message":"Event object is
 * invalid","errors":[…]}}. It keeps one incident per {@code dedup_key}: a trigger opens it (or adds an alert to the
 * open one), a resolve closes it.
 */
public final class FakePagerDuty extends FakeHttp {

    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    /** An incident as PagerDuty would show it. */
    public record Incident(String dedupKey, String title, List<Map<String, Object>> alerts, boolean open) {}

    private final String routingKey;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();

    /** @param routingKey the integration key of the one service this fake knows (32 characters) */
    public FakePagerDuty(String routingKey) {
        if (routingKey.length() != 32) {
            throw new IllegalArgumentException("a PagerDuty routing key has 32 characters");
        }
        this.routingKey = routingKey;
    }

    public synchronized Map<String, Incident> incidents() {
        return Map.copyOf(incidents);
    }

    @Override
    synchronized Answer handle(Call call, Map<String, String> headers) {
        if (!call.method().equals("POST") || !call.path().equals("/v2/enqueue")) {
            return Answer.json(404, Map.of("status", "not found"));
        }
        Map<String, Object> event;
        try {
            event = Json.readObject(call.body());
        } catch (IllegalArgumentException e) {
            return invalid(List.of("Request body is not valid JSON"));
        }
        List<String> errors = new ArrayList<>();
        Object key = event.get("routing_key");
        if (!(key instanceof String k) || k.length() != 32) {
            errors.add("Length of 'routing_key' is incorrect (should be 32 characters)");
        }
        Object action = event.get("event_action");
        if (!(action instanceof String a) || !ACTIONS.contains(a)) {
            errors.add("'event_action' is missing or invalid");
        }
        Object dedup = event.get("dedup_key");
        if (dedup != null && (!(dedup instanceof String d) || d.length() > 255)) {
            errors.add("'dedup_key' must be a string of at most 255 characters");
        }
        if ("trigger".equals(action)) {
            if (!(event.get("payload") instanceof Map<?, ?> payload)) {
                errors.add("'payload' is missing");
            } else {
                if (!(payload.get("summary") instanceof String s) || s.isEmpty() || s.length() > 1024) {
                    errors.add("'payload.summary' must be 1 to 1024 characters");
                }
                if (!(payload.get("source") instanceof String s) || s.isEmpty()) {
                    errors.add("'payload.source' is missing");
                }
                if (!(payload.get("severity") instanceof String s) || !SEVERITIES.contains(s)) {
                    errors.add("'payload.severity' must be critical, error, warning or info");
                }
            }
        } else if (dedup == null) {
            errors.add("'dedup_key' is required for " + action);
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        if (!routingKey.equals(key)) {
            // PagerDuty accepts the event and drops it when no service has the key; nothing opens.
            return accepted(dedup == null ? "unrouted" : (String) dedup);
        }
        String dedupKey = dedup == null ? "generated-" + incidents.size() : (String) dedup;
        Incident current = incidents.get(dedupKey);
        switch ((String) action) {
            case "trigger" -> {
                Map<?, ?> payload = (Map<?, ?>) event.get("payload");
                List<Map<String, Object>> alerts =
                        current != null && current.open() ? new ArrayList<>(current.alerts()) : new ArrayList<>();
                alerts.add(event);
                String title = current != null && current.open() ? current.title() : (String) payload.get("summary");
                incidents.put(dedupKey, new Incident(dedupKey, title, List.copyOf(alerts), true));
            }
            case "resolve" -> {
                if (current != null) {
                    incidents.put(dedupKey, new Incident(dedupKey, current.title(), current.alerts(), false));
                }
            }
            default -> {}
        }
        return accepted(dedupKey);
    }

    private static Answer accepted(String dedupKey) {
        return Answer.json(202, Map.of("status", "success", "message", "Event processed", "dedup_key", dedupKey));
    }

    private static Answer invalid(List<String> errors) {
        return Answer.json(
                400, Map.of("status", "invalid event", "message", "Event object is invalid", "errors", errors));
    }
}
