package io.autowatch.testing.fakes;

import io.autowatch.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datadog's monitor API (v1) as documented: {@code GET/POST /api/v1/monitor}, {@code POST /api/v1/monitor/validate},
 * {@code PUT/DELETE /api/v1/monitor/{id}}, API and application keys in {@code DD-API-KEY} and
 * {@code DD-APPLICATION-KEY}. It answers as Datadog does: {@code query alert} for a {@code metric alert}, numbers as
 * doubles, option defaults filled in, {@code name} as a case-insensitive substring filter, {@code monitor_tags} as
 * an all-of filter, pages of {@code page_size}.
 */
public final class FakeDatadog extends FakeHttp {

    public static final String API_KEY = "fake-api-key";
    public static final String APP_KEY = "fake-app-key";

    private final Map<Long, Map<String, Object>> monitors = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    /** Returns an error message for a monitor Datadog would refuse, or null. */
    private volatile Function<Map<String, Object>, String> validator = m -> null;

    public String baseUrl() {
        return uri().toString();
    }

    public synchronized List<Map<String, Object>> monitors() {
        return new ArrayList<>(monitors.values());
    }

    /** Adds a monitor as if someone created it in Datadog; returns its id. */
    public synchronized long put(Map<String, Object> monitor) {
        long id = ids.incrementAndGet();
        monitors.put(id, normalize(id, monitor));
        return id;
    }

    /** Changes a monitor as someone in Datadog's UI would, behind autowatch's back. */
    public synchronized void edit(long id, Map<String, Object> changes) {
        Map<String, Object> edited = new LinkedHashMap<>(monitors.get(id));
        edited.putAll(changes);
        monitors.put(id, normalize(id, edited));
    }

    /** Deletes a monitor as someone in Datadog's UI would. */
    public synchronized void delete(long id) {
        monitors.remove(id);
    }

    public void refuseWhen(Function<Map<String, Object>, String> rule) {
        this.validator = rule;
    }

    @Override
    synchronized Answer handle(Call call, Map<String, String> headers) {
        if (!API_KEY.equals(headers.get("DD-API-KEY")) || !APP_KEY.equals(headers.get("DD-APPLICATION-KEY"))) {
            return Answer.json(403, Map.of("errors", List.of("Forbidden")));
        }
        String path = call.path();
        if (path.equals("/api/v1/monitor") && call.method().equals("GET")) {
            return Answer.json(200, list(call.query()));
        }
        if (path.equals("/api/v1/monitor/validate") && call.method().equals("POST")) {
            String problem = problem(Json.readObject(call.body()));
            return problem == null ? Answer.json(200, Map.of()) : Answer.json(400, Map.of("errors", List.of(problem)));
        }
        if (path.equals("/api/v1/monitor") && call.method().equals("POST")) {
            Map<String, Object> monitor = Json.readObject(call.body());
            String problem = problem(monitor);
            if (problem != null) {
                return Answer.json(400, Map.of("errors", List.of(problem)));
            }
            long id = ids.incrementAndGet();
            monitors.put(id, normalize(id, monitor));
            return Answer.json(200, monitors.get(id));
        }
        if (path.startsWith("/api/v1/monitor/")) {
            long id;
            try {
                id = Long.parseLong(path.substring("/api/v1/monitor/".length()));
            } catch (NumberFormatException e) {
                return Answer.json(404, Map.of("errors", List.of("Not found")));
            }
            if (!monitors.containsKey(id)) {
                return Answer.json(404, Map.of("errors", List.of("Monitor not found")));
            }
            switch (call.method()) {
                case "PUT" -> {
                    Map<String, Object> update = Json.readObject(call.body());
                    Map<String, Object> merged = new LinkedHashMap<>(monitors.get(id));
                    merged.putAll(update);
                    String problem = problem(merged);
                    if (problem != null) {
                        return Answer.json(400, Map.of("errors", List.of(problem)));
                    }
                    monitors.put(id, normalize(id, merged));
                    return Answer.json(200, monitors.get(id));
                }
                case "DELETE" -> {
                    monitors.remove(id);
                    return Answer.json(200, Map.of("deleted_monitor_id", id));
                }
                case "GET" -> {
                    return Answer.json(200, monitors.get(id));
                }
                default -> {
                    return Answer.json(405, Map.of("errors", List.of("Method not allowed")));
                }
            }
        }
        return Answer.json(404, Map.of("errors", List.of("Not found")));
    }

    private List<Map<String, Object>> list(Map<String, String> query) {
        String name = query.getOrDefault("name", "").toLowerCase(Locale.ROOT);
        List<String> tags = query.getOrDefault("monitor_tags", "").isEmpty()
                ? List.of()
                : Arrays.asList(query.get("monitor_tags").split(","));
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("page_size", "100"));
        List<Map<String, Object>> matching = monitors.values().stream()
                .filter(m ->
                        String.valueOf(m.get("name")).toLowerCase(Locale.ROOT).contains(name))
                .filter(m -> ((List<?>) m.get("tags")).containsAll(tags))
                .toList();
        int from = Math.min(matching.size(), page * size);
        return matching.subList(from, Math.min(matching.size(), from + size));
    }

    private String problem(Map<String, Object> monitor) {
        for (String field : List.of("type", "query")) {
            if (!(monitor.get(field) instanceof String s) || s.isBlank()) {
                return "The value provided for parameter '" + field + "' is invalid";
            }
        }
        String thresholds = thresholdProblem(monitor);
        return thresholds != null ? thresholds : validator.apply(monitor);
    }

    private static final Pattern QUERY_THRESHOLD = Pattern.compile("([<>]=?)\\s*(-?[0-9.]+)\\s*$");

    /**
     * Datadog's checks of a metric monitor's thresholds: the critical one must be the query's ("Alert threshold (X)
     * does not match that used in the query (Y)."), a warning needs a critical one ("Alert status is required."), and
     * a warning must be less severe than the alert in the comparator's direction (Datadog's wording, as quoted by
     * users: "Warning threshold (W) must be less than the alert threshold (C) with > comparison.").
     */
    private static String thresholdProblem(Map<String, Object> monitor) {
        if (!(monitor.get("options") instanceof Map<?, ?> options)
                || !(options.get("thresholds") instanceof Map<?, ?> thresholds)) {
            return null;
        }
        Matcher query = QUERY_THRESHOLD.matcher(String.valueOf(monitor.get("query")));
        Object critical = thresholds.get("critical");
        Object warning = thresholds.get("warning");
        if (warning != null && critical == null) {
            return "Alert status is required.";
        }
        if (!query.find() || critical == null) {
            return null;
        }
        double inQuery = Double.parseDouble(query.group(2));
        double alert = ((Number) critical).doubleValue();
        if (alert != inQuery) {
            return "Alert threshold (" + alert + ") does not match that used in the query (" + inQuery + ").";
        }
        if (warning != null) {
            double warn = ((Number) warning).doubleValue();
            boolean above = query.group(1).startsWith(">");
            if (above ? warn >= alert : warn <= alert) {
                return "Warning threshold (" + warn + ") must be " + (above ? "less" : "greater")
                        + " than the alert threshold (" + alert + ") with " + query.group(1) + " comparison.";
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalize(long id, Map<String, Object> input) {
        Map<String, Object> monitor = new LinkedHashMap<>(input);
        monitor.put("id", id);
        if ("metric alert".equals(monitor.get("type"))) {
            monitor.put("type", "query alert");
        }
        monitor.putIfAbsent("tags", List.of());
        monitor.putIfAbsent("message", "");
        monitor.putIfAbsent("overall_state", "No Data");
        Map<String, Object> options =
                new LinkedHashMap<>(monitor.get("options") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of());
        options.putIfAbsent("notify_audit", false);
        options.putIfAbsent("new_host_delay", 300);
        options.putIfAbsent("silenced", Map.of());
        options.putIfAbsent("include_tags", true);
        if (options.get("thresholds") instanceof Map<?, ?> thresholds) {
            Map<String, Object> doubles = new LinkedHashMap<>();
            thresholds.forEach((k, v) -> doubles.put(String.valueOf(k), v instanceof Number n ? n.doubleValue() : v));
            options.put("thresholds", doubles);
        }
        monitor.put("options", options);
        return monitor;
    }
}
