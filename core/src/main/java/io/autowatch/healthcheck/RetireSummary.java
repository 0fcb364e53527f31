package io.autowatch.healthcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What retiring some jobs did.
 *
 * @param retired   every job now retired
 * @param resolved  those whose open incident was resolved
 * @param failed    jobs whose incident could not be resolved, with why; they stay open, and retiring again retries
 * @param notFound  ids left alone: no count in the longest look-back and no open incident, so the check does not
 *                  judge them anyway; most often a mistyped id
 */
public record RetireSummary(
        List<String> retired, List<String> resolved, Map<String, String> failed, List<String> notFound) {

    public RetireSummary {
        retired = List.copyOf(retired);
        resolved = List.copyOf(resolved);
        failed = Map.copyOf(failed);
        notFound = List.copyOf(notFound);
    }

    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("retired", retired);
        fields.put("incidentsResolved", resolved);
        fields.put("failed", new TreeMap<>(failed));
        fields.put("jobsNotFound", notFound);
        return fields;
    }
}
