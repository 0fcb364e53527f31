package io.autowatch.healthcheck;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one run did, for the log line and the invocation's response. */
public record RunSummary(
        int checked,
        Map<HealthStatus, Integer> byStatus,
        int failed,
        int alertsPublished,
        int recoveriesPublished,
        int invalidCounts,
        List<String> jobsNotFound) {

    public RunSummary {
        byStatus = Map.copyOf(byStatus);
        jobsNotFound = List.copyOf(jobsNotFound);
    }

    public int count(HealthStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** Flat fields in a stable order, for logs and JSON. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("checked", checked);
        fields.put("healthy", count(HealthStatus.HEALTHY));
        fields.put("unhealthy", count(HealthStatus.UNHEALTHY));
        fields.put("zero", count(HealthStatus.ZERO));
        fields.put("insufficient", count(HealthStatus.INSUFFICIENT_HISTORY));
        fields.put("failed", failed);
        fields.put("alerts", alertsPublished);
        fields.put("recoveries", recoveriesPublished);
        fields.put("invalidCounts", invalidCounts);
        fields.put("jobsNotFound", jobsNotFound);
        return fields;
    }

    public static Map<HealthStatus, Integer> emptyCounts() {
        return new EnumMap<>(HealthStatus.class);
    }
}
