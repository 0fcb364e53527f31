package io.autowatch.local;

import io.autowatch.health.StoredResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored results shaped for the dashboard's JSON API: the job list, worst first, and one job's chart. */
final class DashboardData {

    private DashboardData() {}

    /** Every job's latest result, worst first, then by job. */
    static List<StoredResult> worstFirst(List<StoredResult> latest) {
        List<StoredResult> list = new ArrayList<>(latest);
        list.sort(Comparator.comparingInt((StoredResult r) -> rank(r.status())).thenComparing(StoredResult::job));
        return list;
    }

    static Map<String, Object> jobJson(StoredResult r) {
        return Map.of("job", r.job(), "day", r.day().toString(), "status", r.status(), "count", r.count());
    }

    /** The chart's data: parallel arrays, {@code null} where a day has no band (too little history). */
    static Map<String, Object> chartJson(String job, List<StoredResult> points) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("job", job);
        chart.put("days", points.stream().map(p -> p.day().toString()).toList());
        chart.put("counts", points.stream().map(StoredResult::count).toList());
        chart.put("statuses", points.stream().map(StoredResult::status).toList());
        chart.put(
                "sigmaLow", points.stream().map(p -> p.sigmaLow().orElse(null)).toList());
        chart.put(
                "sigmaHigh",
                points.stream().map(p -> p.sigmaHigh().orElse(null)).toList());
        chart.put(
                "percentLow",
                points.stream().map(p -> p.percentLow().orElse(null)).toList());
        chart.put(
                "percentHigh",
                points.stream().map(p -> p.percentHigh().orElse(null)).toList());
        return chart;
    }

    private static int rank(String status) {
        return switch (status) {
            case "UNHEALTHY" -> 0;
            case "FAILED" -> 1;
            case "ZERO" -> 2;
            case "INSUFFICIENT_HISTORY" -> 3;
            default -> 4;
        };
    }
}
