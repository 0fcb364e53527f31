package io.autowatch.local.dashboard;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.view.OnCallPage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stored results shaped for the dashboard's JSON API: the job list, worst first, and one job's chart. Each day is
 * drawn the way the policy that judged it reasons: classic's two bands around the history's mean, or adaptive's
 * expected count and the range that would not have alerted. {@link ChartExport} draws the same.
 */
public final class DashboardData {

    private DashboardData() {}

    /**
     * Worst first, as on call reads it: jobs with an open incident first (in the on-call page's order: critical,
     * then the most recent alert), then jobs failing now, then jobs that alerted in the range on screen (the 90 days
     * up to their latest result), the most recent alert first, then the rest by their latest status. A quiet zero day
     * of a job whose zeros are usual never outranks an incident of the range, recovered or not.
     */
    public static List<StoredResult> worstFirst(List<StoredResult> latest, Map<JobId, OpenIncident> open) {
        return worstFirst(latest, open, Map.of());
    }

    /** @param lastAlertDays each job's latest day that alerted */
    public static List<StoredResult> worstFirst(
            List<StoredResult> latest, Map<JobId, OpenIncident> open, Map<String, LocalDate> lastAlertDays) {
        List<OpenIncident> ranked = OnCallPage.ranked(List.copyOf(open.values()));
        Map<String, Integer> incidentOrder = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            incidentOrder.put(ranked.get(i).job().value(), i);
        }
        List<StoredResult> list = new ArrayList<>(latest);
        list.sort(Comparator.comparingInt((StoredResult r) -> incidentOrder.getOrDefault(r.job(), ranked.size()))
                // Bad now (unhealthy or failed on its latest day) before anything that only alerted in the past.
                .thenComparingInt(
                        r -> r.status().equals("UNHEALTHY") || r.status().equals("FAILED") ? 0 : 1)
                .thenComparing(
                        (StoredResult r) -> alertInRange(r, lastAlertDays).orElse(LocalDate.MIN),
                        Comparator.reverseOrder())
                .thenComparingInt(r -> rank(r.status()))
                .thenComparing(StoredResult::job));
        return list;
    }

    /** The days the dashboard's job list and chart show: the 90 days up to a job's latest result. */
    static final int RANGE_DAYS = 90;

    /** The job's last alert, if it falls in the range on screen. */
    public static Optional<LocalDate> alertInRange(StoredResult r, Map<String, LocalDate> lastAlertDays) {
        return Optional.ofNullable(lastAlertDays.get(r.job()))
                .filter(alert -> !alert.isBefore(r.day().minusDays(RANGE_DAYS - 1L)));
    }

    /**
     * Also says since when a job is retired, so the list does not show a retired job as if it were still checked,
     * and when it last alerted in the range on screen.
     */
    public static Map<String, Object> jobJson(
            StoredResult r,
            Map<JobId, OpenIncident> open,
            Map<JobId, LocalDate> retired,
            Map<String, LocalDate> lastAlertDays) {
        Map<String, Object> job = jobJson(r, open, retired);
        alertInRange(r, lastAlertDays).ifPresent(day -> job.put("lastAlert", day.toString()));
        return job;
    }

    /** Also says since when a job is retired, so the list does not show a retired job as if it were still checked. */
    public static Map<String, Object> jobJson(
            StoredResult r, Map<JobId, OpenIncident> open, Map<JobId, LocalDate> retired) {
        Map<String, Object> job = jobJson(r, open);
        if (JobId.isValid(r.job()) && retired.containsKey(JobId.of(r.job()))) {
            job.put("retiredOn", retired.get(JobId.of(r.job())).toString());
        }
        return job;
    }

    public static Map<String, Object> jobJson(StoredResult r, Map<JobId, OpenIncident> open) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job", r.job());
        job.put("day", r.day().toString());
        job.put("status", r.status());
        job.put("count", r.count());
        r.policy().ifPresent(p -> job.put("policy", p));
        if (JobId.isValid(r.job()) && open.containsKey(JobId.of(r.job()))) {
            job.put("incidentSince", open.get(JobId.of(r.job())).openedDay().toString());
        }
        return job;
    }

    /** The expectation to draw for the day: present for a judged (not excluded) day of a policy that gives one. */
    static Optional<StoredResult.Expected> expectation(StoredResult r) {
        return r.expectation().filter(e -> !e.excluded());
    }

    /** True when the day's bands are classic's (μ ± kσ, μ ± p%); another policy's bands are drawn as its range. */
    public static boolean classicBands(StoredResult r) {
        return r.expectation().isEmpty() && r.mean().isPresent();
    }

    /** The policies that judged the days, in the order they first appear. */
    static List<String> policies(List<StoredResult> points) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        points.forEach(p -> p.policy().ifPresent(names::add));
        return List.copyOf(names);
    }

    /**
     * The chart's data: parallel arrays, one entry per day, {@code null} where a day has nothing to draw (too little
     * history, another policy's day, an excluded date).
     */
    public static Map<String, Object> chartJson(String job, List<StoredResult> points) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("job", job);
        chart.put("days", points.stream().map(p -> p.day().toString()).toList());
        chart.put("counts", points.stream().map(StoredResult::count).toList());
        chart.put("statuses", points.stream().map(StoredResult::status).toList());
        chart.put("policies", column(points, p -> p.policy().orElse(null)));
        chart.put("legend", policies(points));
        chart.put("sigmaLow", classic(points, StoredResult::sigmaLow));
        chart.put("sigmaHigh", classic(points, StoredResult::sigmaHigh));
        chart.put("percentLow", classic(points, StoredResult::percentLow));
        chart.put("percentHigh", classic(points, StoredResult::percentHigh));
        chart.put(
                "expected",
                column(points, p -> expectation(p).map(e -> e.expected()).orElse(null)));
        chart.put(
                "expectedLow",
                column(points, p -> expectation(p).map(e -> e.low()).orElse(null)));
        chart.put(
                "expectedHigh",
                column(points, p -> expectation(p).map(e -> e.high()).orElse(null)));
        chart.put(
                "explanations",
                column(points, p -> p.expectation().map(e -> e.explanation()).orElse(null)));
        return chart;
    }

    private static List<Object> classic(List<StoredResult> points, Function<StoredResult, Optional<Double>> band) {
        return column(points, p -> classicBands(p) ? band.apply(p).orElse(null) : null);
    }

    /** One value per day, null where the day has none. */
    private static List<Object> column(List<StoredResult> points, Function<StoredResult, Object> value) {
        List<Object> values = new ArrayList<>(points.size());
        points.forEach(p -> values.add(value.apply(p)));
        return values;
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
