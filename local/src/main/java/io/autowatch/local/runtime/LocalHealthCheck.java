package io.autowatch.local.runtime;

import io.autowatch.functions.healthcheck.HealthCheckHandler;
import io.autowatch.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The health-check function's handler, invoked with the events EventBridge Scheduler and a person would send it. */
final class LocalHealthCheck {

    private final HealthCheckHandler handler;
    private final Clock clock;
    /** Brings the job registry up to date from the counts, as the counts stream does in AWS (none runs here). */
    private final Runnable registerJobs;

    LocalHealthCheck(HealthCheckHandler handler, Clock clock, Runnable registerJobs) {
        this.handler = handler;
        this.clock = clock;
        this.registerJobs = registerJobs;
    }

    /** Runs the health check as the schedule would, or for one day (a manual run). */
    Map<String, Object> check(Optional<LocalDate> day) throws IOException {
        return check(day, List.of());
    }

    /** @param jobs the jobs to check, all when empty (the event's {@code detail.jobs}) */
    Map<String, Object> check(Optional<LocalDate> day, List<String> jobs) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        if (day.isPresent() || !jobs.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            day.ifPresent(d -> detail.put("day", d.toString()));
            if (!jobs.isEmpty()) {
                detail.put("jobs", jobs);
            }
            event.put("detail-type", "Manual Health Check");
            event.put("detail", detail);
        } else {
            event.put("detail-type", "Scheduled Event");
            event.put("source", "aws.scheduler");
            event.put("time", clock.instant().toString());
            event.put("detail", Map.of());
        }
        registerJobs.run();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), response, null);
        return Json.readObject(response.toByteArray());
    }

    /** Retires jobs as the deployed function does for {@code {"detail": {"retire": [...], "reason": ...}}}. */
    Map<String, Object> retire(List<String> jobs, String reason) throws IOException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("retire", jobs);
        detail.put("reason", reason);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(Json.write(Map.of("detail", detail)).getBytes(StandardCharsets.UTF_8)),
                response,
                null);
        return Json.readObject(response.toByteArray());
    }

    /** Checks every day of a range in order, as daily runs would have: for demo data and backfills. */
    Map<String, Integer> backfill(LocalDate from, LocalDate to) throws IOException {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            check(Optional.of(day)).forEach((k, v) -> {
                if (v instanceof Number n) {
                    totals.merge(k, n.intValue(), Integer::sum);
                }
            });
        }
        return totals;
    }
}
