package io.autowatch.health;

import io.autowatch.counts.JobId;
import io.autowatch.log.Log;
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
     * Phase end times ({@link System#nanoTime()}) of one run. Storing and notifying start with judging (each slice
     * is stored and its notices sent as it is judged), so all three are counted from the end of the read.
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
        List<Object> pairs = new ArrayList<>(List.of("request", describe(request)));
        fields.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        LOG.info("run_completed", pairs.toArray());
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static String describe(CheckRequest request) {
        return request.day().map(d -> "day " + d).orElse("scheduled at " + request.time())
                + (request.jobs().isEmpty()
                        ? ""
                        : " for "
                                + request.jobs().stream()
                                        .map(JobId::value)
                                        .sorted()
                                        .collect(Collectors.joining(", ")));
    }
}
