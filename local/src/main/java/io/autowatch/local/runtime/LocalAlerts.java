package io.autowatch.local.runtime;

import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.alert.AlertLinks;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.AlertText;
import io.autowatch.healthcheck.alert.ChatMessage;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.alert.PagerDutyEvent;
import io.autowatch.healthcheck.alert.PagingMessage;
import io.autowatch.healthcheck.alert.Retirement;
import io.autowatch.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the SNS topics: prints each notification on one line, and appends it to a JSON-lines log with the
 * exact bodies the chat and paging topics would carry (and the message attributes), so they can be inspected.
 */
final class LocalAlerts implements AlertPublisher {

    private final Path log;
    private final PrintStream console;
    private volatile boolean quiet;
    private final AtomicInteger published = new AtomicInteger();

    LocalAlerts(Path log, PrintStream console) {
        this.log = log;
        this.console = console;
    }

    Path log() {
        return log;
    }

    /** While quiet (a demo's backfill), notifications go to the log only. */
    void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    int published() {
        return published.get();
    }

    @Override
    public synchronized void publish(Notification n) {
        boolean paging = n.severity() == Severity.CRITICAL;
        published.incrementAndGet();
        if (!quiet) {
            console.printf(
                    "%-9s %-8s %-32s %s  %s%n",
                    n instanceof Notification.Alert ? "ALERT" : "RECOVERED",
                    n.severity().wireName(),
                    n.job(),
                    n.day(),
                    AlertText.summary(n));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put(
                "attributes",
                Map.of(
                        "job",
                        n.job().value(),
                        "status",
                        n.status().name(),
                        "severity",
                        n.severity().wireName()));
        line.put("topics", paging ? List.of("chat", "paging") : List.of("chat"));
        line.put("chat", Json.readObject(ChatMessage.render(n)));
        if (paging) {
            line.put("pagingSubject", PagingMessage.subject(n, "local"));
            line.put(
                    "paging",
                    Json.readObject(PagingMessage.render(n, "local", "arn:aws:sns:local:000000000000:paging")));
            line.put(
                    "pagerDutyEvent",
                    Json.readObject(PagerDutyEvent.render(n, "autowatch (local)", AlertLinks.none())));
        }
        append(line);
    }

    @Override
    public synchronized void publishRetirement(Retirement retirement) {
        if (!quiet) {
            console.printf(
                    "RETIRED   %-8s %-32s %s%n",
                    retirement.incident().severity().wireName(), retirement.job(), retirement.summary());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        boolean paging = retirement.incident().resolvingSeverity() == Severity.CRITICAL;
        line.put("topics", paging ? List.of("chat", "paging") : List.of("chat"));
        line.put("chat", Json.readObject(ChatMessage.render(retirement)));
        if (paging) {
            line.put(
                    "paging",
                    Json.readObject(
                            PagingMessage.render(retirement, "local", "arn:aws:sns:local:000000000000:paging")));
            line.put("pagerDutyEvent", Json.readObject(PagerDutyEvent.render(retirement)));
        }
        append(line);
    }

    @Override
    public synchronized void publishFailures(FailedJobs failed) {
        if (!quiet) {
            console.printf(
                    "FAILED    %d jobs could not be checked (%s)%n",
                    failed.failures().size(), failed.run());
            failed.failures().stream()
                    .limit(10)
                    .forEach(f -> console.printf("          %s on %s: %s%n", f.job(), f.day(), f.reason()));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("topics", List.of("chat"));
        line.put("chat", Json.readObject(ChatMessage.render(failed)));
        append(line);
    }

    private void append(Map<String, Object> line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    // Kept as published: the paging body's "Unit": null stays.
                    Json.writeKeepingNulls(line) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert log " + log, e);
        }
    }
}
