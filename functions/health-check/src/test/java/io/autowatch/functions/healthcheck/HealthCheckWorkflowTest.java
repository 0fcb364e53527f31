package io.autowatch.functions.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.aws.dynamodb.CountWriter;
import io.autowatch.aws.dynamodb.HealthKeys;
import io.autowatch.aws.dynamodb.Tables;
import io.autowatch.counts.JobId;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.DynamoDbLocal;
import io.autowatch.testing.MotoStepFunctions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The workflow of a run in shards, its definition executed (statemachine/health-check.asl.json, in moto): the Lambda
 * tasks answer with what the real handler answered for the same step on DynamoDB Local, and the summary step's input,
 * as the definition built it, goes to the real handler.
 */
@ExtendWith({DynamoDbLocal.class, AwsEmulator.class})
class HealthCheckWorkflowTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-21T00:31:00Z");
    private static final Path ROOT = Path.of(System.getProperty("autowatch.repo.root", "../.."));

    private HealthCheckHandler handler;
    /** The same deployment with the default 20,000 jobs to a shard: its eight jobs make one shard. */
    private HealthCheckHandler oneShard;

    private AlertInbox chat;
    private MotoStepFunctions moto;

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @AfterEach
    void restoreLogs() {
        Log.redirect(System.out);
    }

    @BeforeEach
    void setUp(DynamoDbClient dynamoDb, SnsClient sns, SqsClient sqs) {
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
        String counts = DynamoDbLocal.uniqueName("counts");
        String health = DynamoDbLocal.uniqueName("health");
        Tables.create(dynamoDb, counts, health);
        String chatTopic =
                sns.createTopic(b -> b.name("chat-" + UUID.randomUUID())).topicArn();
        chat = AlertInbox.subscribe(sns, sqs, chatTopic, null);
        var config = new HealthCheckConfig(counts, health, chatTopic, Optional.empty(), AwsEmulator.REGION.id(), 4);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // Three jobs to a shard: the eight jobs below make three shards.
        handler = new HealthCheckHandler(
                new HealthCheckWiring.Services(
                        HealthCheckWiring.create(config, dynamoDb, sns, clock),
                        () -> HealthCheckWiring.sharded(config, dynamoDb, sns, clock, 3)),
                clock);
        oneShard = new HealthCheckHandler(
                new HealthCheckWiring.Services(
                        HealthCheckWiring.create(config, dynamoDb, sns, clock),
                        () -> HealthCheckWiring.sharded(config, dynamoDb, sns, clock, 20_000)),
                clock);
        CountWriter writer = new CountWriter(dynamoDb, counts);
        for (int j = 0; j < 8; j++) {
            JobId job = JobId.of("job/" + j);
            for (int i = 1; i <= 20; i++) {
                writer.add(job, DAY.minusDays(i), 1000 + (i % 3) * 10);
            }
            if (j != 7) {
                writer.add(job, DAY, j == 6 ? 300 : 1000); // job/6 drops by 70%, job/7 counts nothing
            }
        }
        dynamoDb.putItem(b -> b.tableName(health)
                .item(Map.of(
                        HealthKeys.PK,
                        AttributeValue.fromS(HealthKeys.SETTINGS),
                        HealthKeys.SK,
                        AttributeValue.fromS("default"),
                        "policy",
                        AttributeValue.fromS("classic"))));
        moto = new MotoStepFunctions(AwsEmulator.freshMoto().endpoint());
    }

    private Map<String, Object> invoke(Object event) throws IOException {
        return invoke(handler, event);
    }

    private static Map<String, Object> invoke(HealthCheckHandler handler, Object event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.readObject(out.toByteArray());
    }

    private static Map<String, Object> scheduledEvent() throws IOException {
        return Json.readObject(Files.readAllBytes(ROOT.resolve("events").resolve("health-check-scheduled.json")));
    }

    private String stateMachine() throws IOException {
        String definition = Files.readString(ROOT.resolve("statemachine").resolve("health-check.asl.json"))
                .replace("${HealthCheckFunctionArn}", moto.createFunction());
        return moto.createStateMachine(definition);
    }

    @Test
    void theWorkflow_plansTheDay_checksEachShardOnce_andItsSummaryAddsThemUp() throws IOException {
        String execution = "arn:aws:states:us-east-1:123456789012:execution:health-check:day-1";
        Map<String, Object> plan = invoke(Map.of("action", "plan", "execution", execution, "event", scheduledEvent()));
        List<?> shards = (List<?>) plan.get("shards");
        assertThat(plan).containsEntry("day", "2026-11-20").containsEntry("jobs", 8);
        assertThat(shards).hasSize(3);
        List<String> answers = new ArrayList<>(List.of(Json.write(plan)));
        for (Object shard : shards) {
            answers.add(Json.write(
                    invoke(Map.of("id", "day-1", "time", plan.get("time"), "detail", Map.of("shard", shard)))));
        }
        answers.add("{}");
        moto.answerInTurn(answers);

        Map<String, Object> run = moto.run(stateMachine(), "day-1", Json.write(scheduledEvent()));

        assertThat(run).containsEntry("status", "SUCCEEDED");
        List<Map<String, Object>> history = moto.history(String.valueOf(run.get("executionArn")));
        Map<String, Object> summaryStep = summaryPayload(history);
        assertThat((List<?>) summaryStep.get("results"))
                .as("one result per shard, as the map selected it")
                .hasSize(3);
        Map<String, Object> summary = invoke(summaryStep);
        assertThat(summary)
                .containsEntry("shards", 3)
                .containsEntry("shardsFailed", 0)
                .containsEntry("checked", 8)
                .containsEntry("alerts", 2);
        assertThat(chat.drain())
                .extracting(d -> d.attributes().get("job"))
                .as("each alert once, from its own shard")
                .containsExactlyInAnyOrder("job/6", "job/7");
        // The dead man's switch counts the run once, at its summary, not once per shard.
        List<Map<String, Object>> lines = logLines();
        assertThat(lines)
                .filteredOn(l -> "run_completed".equals(l.get("event")))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).containsEntry("runsCompleted", 0));
        assertThat(lines)
                .filteredOn(l -> "sharded_run_completed".equals(l.get("event")))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("runsCompleted", 1).containsEntry("shardsFailed", 0));
    }

    @Test
    void aSmallDeploymentsWorkflow_runsItsOneShard_whoseAnswerNamesItForTheMap_andTheSummaryCountsTheRunOnce()
            throws IOException {
        String execution = "arn:aws:states:us-east-1:123456789012:execution:health-check:small";
        Map<String, Object> plan =
                invoke(oneShard, Map.of("action", "plan", "execution", execution, "event", scheduledEvent()));
        List<?> shards = (List<?>) plan.get("shards");
        assertThat(shards).hasSize(1);
        Map<String, Object> worker = invoke(
                oneShard,
                Map.of("id", "small", "time", plan.get("time"), "detail", Map.of("shard", shards.getFirst())));
        assertThat(worker).as("the map's ResultSelector reads $.Payload.shard").containsKey("shard");
        moto.answerInTurn(List.of(Json.write(plan), Json.write(worker), "{}"));

        Map<String, Object> run = moto.run(stateMachine(), "small", Json.write(scheduledEvent()));

        assertThat(run).containsEntry("status", "SUCCEEDED");
        Map<String, Object> summary =
                invoke(oneShard, summaryPayload(moto.history(String.valueOf(run.get("executionArn")))));
        assertThat(summary)
                .containsEntry("shards", 1)
                .containsEntry("checked", 8)
                .containsEntry("alerts", 2);
        List<Map<String, Object>> lines = logLines();
        assertThat(lines)
                .filteredOn(l -> "run_completed".equals(l.get("event")))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("runsCompleted", 0));
        assertThat(lines)
                .filteredOn(l -> "sharded_run_completed".equals(l.get("event")))
                .singleElement()
                .satisfies(l -> assertThat(l).containsEntry("runsCompleted", 1));
    }

    @Test
    void aSecondStartOfTheSameDay_plansNothing_andRunsNoShard() throws IOException {
        invoke(Map.of("action", "plan", "execution", "arn:first", "event", scheduledEvent()));
        Map<String, Object> second =
                invoke(Map.of("action", "plan", "execution", "arn:second", "event", scheduledEvent()));
        assertThat(second).containsEntry("heldBy", "arn:first").containsEntry("shards", List.of());
        moto.answerInTurn(List.of(Json.write(second)));

        Map<String, Object> run = moto.run(stateMachine(), "day-1-again", Json.write(scheduledEvent()));

        assertThat(run).containsEntry("status", "SUCCEEDED");
        assertThat(moto.history(String.valueOf(run.get("executionArn"))))
                .extracting(e -> e.get("type"))
                .contains("ChoiceStateEntered", "SucceedStateEntered")
                .doesNotContain("MapStateEntered");
        assertThat(chat.drain()).isEmpty();
    }

    /** The JSON log lines the handler wrote. */
    private List<Map<String, Object>> logLines() {
        return logs.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("{"))
                .map(Json::readObject)
                .toList();
    }

    /** The Payload the definition built for the summary step, as its task was scheduled. */
    private static Map<String, Object> summaryPayload(List<Map<String, Object>> history) {
        Map<String, Object> last = null;
        for (Map<String, Object> event : history) {
            if ("TaskScheduled".equals(event.get("type"))) {
                last = event;
            }
        }
        assertThat(last).as("the summary's task").isNotNull();
        Map<?, ?> details = (Map<?, ?>) last.get("taskScheduledEventDetails");
        Map<String, Object> parameters = Json.readObject(String.valueOf(details.get("parameters")));
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) parameters.get("Payload");
        assertThat(payload).containsEntry("action", "summary");
        return payload;
    }
}
