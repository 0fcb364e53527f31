package io.autowatch.monitor;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A monitor as autowatch wants it in Datadog.
 *
 * @param options    Datadog's monitor options; only these keys are managed (Datadog fills in the rest)
 * @param schemaPath the schema file that defines it
 * @param recordName the record's full name
 */
public record MonitorDefinition(
        String name,
        String type,
        String query,
        String message,
        List<String> tags,
        int priority,
        Map<String, Object> options,
        String schemaPath,
        String recordName) {

    public MonitorDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(message, "message");
        tags = List.copyOf(tags);
        options = Map.copyOf(options);
        Objects.requireNonNull(schemaPath, "schemaPath");
        Objects.requireNonNull(recordName, "recordName");
    }
}
