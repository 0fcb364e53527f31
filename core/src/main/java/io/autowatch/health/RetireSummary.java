package io.autowatch.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What retiring some jobs did.
 *
 * @param retired   every job now retired
 * @param resolved  those whose open incident was resolved
 * @param failed    jobs whose incident could not be resolved, with why; they stay open, and retiring again retries
 */
public record RetireSummary(List<String> retired, List<String> resolved, Map<String, String> failed) {

    public RetireSummary {
        retired = List.copyOf(retired);
        resolved = List.copyOf(resolved);
        failed = Map.copyOf(failed);
    }

    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("retired", retired);
        fields.put("incidentsResolved", resolved);
        fields.put("failed", new java.util.TreeMap<>(failed));
        return fields;
    }
}
