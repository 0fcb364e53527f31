package io.autowatch.local.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo's lines in words: what was injected, and how yesterday's checks came out. */
public final class DemoOutput {

    private DemoOutput() {}

    /** E.g. "email/promo/DE on 2026-11-16: duplicate sends (×2); email/welcome/FR on 2026-12-04: total failure". */
    public static String incidents(List<DemoData.Incident> incidents) {
        return incidents.stream()
                .map(i -> i.job().value() + " on " + i.day() + ": " + i.what())
                .collect(Collectors.joining("; "));
    }

    /** E.g. "18 healthy, 3 zero": each status in lower case, the most common first. */
    public static String statuses(Map<String, Long> byStatus) {
        return byStatus.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e ->
                        e.getValue() + " " + e.getKey().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    /**
     * E.g. "Yesterday ran as the schedule runs it: planned in 3 shards, each checked by its own worker, 22 jobs in
     * all, 3 alerts."
     */
    public static String scheduledRun(Map<String, Object> summary) {
        if (summary.containsKey("plannedBy")) {
            return "Yesterday was planned by an earlier run (" + summary.get("plannedBy") + "): nothing ran twice.";
        }
        long shards = number(summary.get("shards"));
        long failed = number(summary.get("shardsFailed"));
        long alerts = number(summary.get("alerts"));
        return "Yesterday ran as the schedule runs it: planned in " + shards + (shards == 1 ? " shard" : " shards")
                + ", each checked by its own worker, " + number(summary.get("checked")) + " jobs in all, " + alerts
                + (alerts == 1 ? " alert" : " alerts") + (failed == 0 ? "." : "; " + failed + " shards failed.");
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
