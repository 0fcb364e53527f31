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
}
