package io.autowatch.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A monitor as Datadog returned it, translated out of the Datadog client's types. */
public record ExistingMonitor(
        long id,
        String name,
        String type,
        String query,
        String message,
        List<String> tags,
        Optional<Integer> priority,
        Map<String, Object> options) {

    public ExistingMonitor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
        message = message == null ? "" : message;
        tags = List.copyOf(tags);
        Objects.requireNonNull(priority, "priority");
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
