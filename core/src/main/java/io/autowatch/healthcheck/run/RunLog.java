package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.RunSummary;
import io.autowatch.log.Log;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The run's closing log line: what was asked, the summary, the days read and how long each phase took. */
final class RunLog {

    private static final Log LOG = Log.of(HealthCheckService.class);

    /**
     * Phase end times ({@link System#nanoTime()}) of one run. Judging, storing and notifying start with the read (each
     * part is judged as it is read, each slice stored and its notices sent as it is judged), so {@code read} is from
     * the start and the other three are what each went on after the read ended.
     */
    record Phases(long started, long read, long assessed, long saved, long notified) {}

    private RunLog() {}

    static void completed(CheckRequest request, RunSummary summary, LocalDate from, LocalDate to, Phases t) {
        Map<String, Object> fields = new LinkedHashMap<>(summary.fields());
        fields.put("daysRead", from + ".." + to);
        fields.put(
                "millis",
                Map.of(
                        "read",
                        millis(t.started(), t.read()),
                        "assess",
                        millis(t.read(), t.assessed()),
                        "save",
                        millis(t.read(), t.saved()),
                        "notify",
                        millis(t.read(), t.notified())));
        // The dead man's switch counts whole runs: a shard's worker is part of one, which its summary completes.
        fields.put("runsCompleted", request.sharded() ? 0 : 1);
        fields.put("_aws", metrics(METRICS));
        List<Object> pairs = new ArrayList<>(List.of("request", describe(request)));
        fields.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        LOG.info("run_completed", pairs.toArray());
    }

    /**
     * The summary of a run in shards: its shards' totals, how many shards failed, and the run completed (the dead
     * man's switch the template alarms on when no run completes in 26 hours).
     */
    static void shardedRunCompleted(String execution, Map<String, Object> summary) {
        Map<String, Object> fields = new LinkedHashMap<>(summary);
        fields.put("runsCompleted", 1);
        fields.put("_aws", metrics(List.of("shards", "shardsFailed", "runsCompleted")));
        List<Object> pairs = new ArrayList<>(List.of("execution", execution));
        fields.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        LOG.info("sharded_run_completed", pairs.toArray());
    }

    /** CloudWatch metric names: the line's own fields of the same name, picked up by CloudWatch Logs. */
    static final List<String> METRICS =
            List.of("checked", "unhealthy", "zero", "failed", "invalidCounts", "alerts", "runsCompleted");

    /**
     * Embedded Metric Format: CloudWatch Logs turns the run's summary fields into metrics in the namespace
     * {@code autowatch/health-check}, which the template's alarms watch (failed jobs; no completed run).
     */
    private static Map<String, Object> metrics(List<String> names) {
        return Map.of(
                "Timestamp",
                Instant.now().toEpochMilli(),
                "CloudWatchMetrics",
                List.of(Map.of(
                        "Namespace",
                        "autowatch/health-check",
                        "Dimensions",
                        List.of(List.of()),
                        "Metrics",
                        names.stream()
                                .map(name -> Map.of("Name", name, "Unit", "Count"))
                                .toList())));
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    static String describe(CheckRequest request) {
        return request.day().map(d -> "day " + d).orElse("scheduled at " + request.time())
                + (request.jobs().isEmpty()
                        ? ""
                        : " for "
                                + request.jobs().stream()
                                        .map(JobId::value)
                                        .sorted()
                                        .collect(Collectors.joining(", ")))
                + (request.sharded() ? ", " + request.shard() : "");
    }
}
