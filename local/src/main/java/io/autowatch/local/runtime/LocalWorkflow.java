package io.autowatch.local.runtime;

import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbJobRegistry;
import io.autowatch.functions.healthcheck.HealthCheckHandler;
import io.autowatch.functions.healthcheck.HealthCheckWiring;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.run.RegistryBackfill;
import io.autowatch.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The scheduled run as the deployed workflow runs it (statemachine/health-check.asl.json), in one process: the same
 * three steps sent to the same handler (plan, one worker per shard, summary), with the same events the state machine
 * sends. There is no change stream here, so the job registry is brought up to date from the counts before each plan,
 * as the stream keeps it in AWS.
 */
final class LocalWorkflow {

    /** Few jobs to a shard, so that even the demo's twenty-odd jobs run in several shards, as a large one would. */
    static final int JOBS_PER_SHARD = 8;

    private final HealthCheckHandler handler;
    private final CountsReader counts;
    private final JobRegistry registry;
    private final Clock clock;

    /** The health check's handler as a person invokes it, and as the schedule's workflow does. */
    record Checks(LocalHealthCheck manual, LocalWorkflow scheduled) {}

    /** The deployed function's services over the local tables, alerts going to {@code alerts}. */
    static Checks wire(DynamoDbClient ddb, AlertPublisher alerts, Clock clock, ExecutorService workers) {
        HealthCheckHandler handler = new HealthCheckHandler(
                new HealthCheckWiring.Services(
                        HealthCheckWiring.service(
                                ddb, LocalDynamo.COUNTS_TABLE, LocalDynamo.HEALTH_TABLE, alerts, clock, workers),
                        () -> HealthCheckWiring.sharded(
                                ddb,
                                LocalDynamo.COUNTS_TABLE,
                                LocalDynamo.HEALTH_TABLE,
                                alerts,
                                clock,
                                workers,
                                JOBS_PER_SHARD)),
                clock);
        LocalWorkflow scheduled = new LocalWorkflow(
                handler,
                new DynamoDbCountsReader(ddb, LocalDynamo.COUNTS_TABLE, workers),
                new DynamoDbJobRegistry(ddb, LocalDynamo.HEALTH_TABLE, workers),
                clock);
        return new Checks(new LocalHealthCheck(handler, clock, scheduled::registerJobs), scheduled);
    }

    LocalWorkflow(HealthCheckHandler handler, CountsReader counts, JobRegistry registry, Clock clock) {
        this.handler = handler;
        this.counts = counts;
        this.registry = registry;
        this.clock = clock;
    }

    /** Plans the day, checks each shard, and answers the summary (or why nothing ran: the day was planned already). */
    Map<String, Object> run() throws IOException {
        registerJobs();
        String execution = "local:" + UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", execution);
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("time", clock.instant().toString());
        event.put("detail", Map.of());
        Map<String, Object> plan = invoke(Map.of("action", "plan", "execution", execution, "event", event));
        if (plan.containsKey("heldBy")) {
            return Map.of("day", plan.get("day"), "plannedBy", plan.get("heldBy"));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Object shard : (List<?>) plan.get("shards")) {
            try {
                results.add(
                        invoke(Map.of("id", execution, "time", plan.get("time"), "detail", Map.of("shard", shard))));
            } catch (RuntimeException e) {
                // As the map's catch does: the summary tells which shard failed and why.
                results.add(Map.of(
                        "shard",
                        shard,
                        "Error",
                        e.getClass().getSimpleName(),
                        "Cause",
                        String.valueOf(e.getMessage())));
            }
        }
        return invoke(Map.of("action", "summary", "execution", execution, "plan", plan, "results", results));
    }

    /**
     * Every job the local tables hold (two years back, so that a backfill of old demo days finds its jobs), into the
     * registry with its last day (idempotent), as the counts stream keeps it in AWS.
     */
    void registerJobs() {
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        RegistryBackfill.fill(counts, registry, today.minusYears(2), today.plusDays(1));
        registry.markFilled(today);
    }

    private Map<String, Object> invoke(Map<String, Object> event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.readObject(out.toByteArray());
    }
}
