package io.autowatch.functions.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import io.autowatch.aws.dynamodb.CountWriter;
import io.autowatch.aws.dynamodb.DynamoDbAlertLedger;
import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbJobRegistry;
import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.aws.dynamodb.HealthKeys;
import io.autowatch.aws.dynamodb.Tables;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.run.RegistryBackfill;
import io.autowatch.healthcheck.view.OnCallView;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.DynamoDbLocal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The health check end to end through the real handler: counts in DynamoDB Local, alerts through SNS into SQS
 * queues subscribed with filter policies (moto or LocalStack), so the test sees what Slack and PagerDuty receive.
 */
@ExtendWith({DynamoDbLocal.class, AwsEmulator.class})
class HealthCheckHandlerTest {

    /** The day the scheduled sample event checks (its time is 2026-11-21T00:30Z). */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static final Instant NOW = Instant.parse("2026-11-21T00:31:00Z");

    private static final JobId INDIA = JobId.of("email/daily-active/IN");
    private static final JobId BRAZIL = JobId.of("email/daily-active/BR");
    private static final JobId GERMANY_WEEKLY = JobId.of("email/weekly/DE");
    private static final JobId OTP = JobId.of("sms/otp/IN");
    private static final JobId NEW_JOB = JobId.of("push/new-feature");
    private static final JobId BROKEN = JobId.of("bad/negative");
    private static final JobId ODD = JobId.of("e-mail «São Paulo» / weekly #1 ✉ (\"quoted\")");

    private DynamoDbClient dynamoDb;
    private SnsClient sns;
    private String countsTable;
    private String healthTable;
    private String chatTopic;
    private String pagingTopic;
    private CountWriter writer;
    private AlertInbox chat;
    private AlertInbox chatWarningsOnly;
    private AlertInbox paging;
    private AlertInbox emailTeam;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void setUp(DynamoDbClient dynamoDb, SnsClient sns, SqsClient sqs) {
        this.dynamoDb = dynamoDb;
        this.sns = sns;
        countsTable = DynamoDbLocal.uniqueName("counts");
        healthTable = DynamoDbLocal.uniqueName("health");
        Tables.create(dynamoDb, countsTable, healthTable);
        writer = new CountWriter(dynamoDb, countsTable);
        chatTopic = sns.createTopic(b -> b.name("chat-" + UUID.randomUUID())).topicArn();
        pagingTopic =
                sns.createTopic(b -> b.name("paging-" + UUID.randomUUID())).topicArn();
        chat = AlertInbox.subscribe(sns, sqs, chatTopic, null);
        chatWarningsOnly = AlertInbox.subscribe(sns, sqs, chatTopic, "{\"severity\": [\"warning\"]}");
        paging = AlertInbox.subscribe(sns, sqs, pagingTopic, null);
        emailTeam = AlertInbox.subscribe(sns, sqs, chatTopic, "{\"job\": [{\"prefix\": \"email/\"}]}");
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        Log.redirect(System.out);
    }

    private HealthCheckHandler handler(Instant now) {
        return handler(now, chatTopic);
    }

    private HealthCheckHandler handler(Instant now, String chatTopicArn) {
        var config = new HealthCheckConfig(
                countsTable, healthTable, chatTopicArn, Optional.of(pagingTopic), AwsEmulator.REGION.id(), 4);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new HealthCheckHandler(HealthCheckWiring.create(config, dynamoDb, sns, clock), clock);
    }

    private static byte[] event(String name) throws IOException {
        Path root = Path.of(System.getProperty("autowatch.repo.root", "../.."));
        return Files.readAllBytes(root.resolve("events").resolve(name));
    }

    private static Map<String, Object> invoke(HealthCheckHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    /** 20 days before {@link #DAY} at about {@code level} (±3%), every day. */
    private void history(JobId job, long level) {
        for (int i = 1; i <= 20; i++) {
            writer.add(job, DAY.minusDays(i), level + (i % 3 - 1) * level * 3 / 100);
        }
    }

    /**
     * The story, judged by classic's rule: the deployment's {@code default} item names it, as a team that went back
     * to classic would. Most tests here are about the run (routing, once per day, recoveries) through its verdicts.
     */
    private void seedTheStory() {
        seedTheCounts();
        settings("default", Map.of("policy", AttributeValue.fromS("classic")));
    }

    private void settings(String key, Map<String, AttributeValue> fields) {
        Map<String, AttributeValue> item = new HashMap<>(fields);
        item.put(HealthKeys.PK, AttributeValue.fromS(HealthKeys.SETTINGS));
        item.put(HealthKeys.SK, AttributeValue.fromS(key));
        dynamoDb.putItem(b -> b.tableName(healthTable).item(item));
    }

    private void seedTheCounts() {
        history(INDIA, 10_000);
        writer.add(INDIA, DAY, 10_100);
        history(ODD, 700);
        writer.add(ODD, DAY, 690);
        history(BRAZIL, 5_000);
        writer.add(BRAZIL, DAY, 2_000); // a partial failure: −60%
        history(GERMANY_WEEKLY, 800);
        writer.add(GERMANY_WEEKLY, DAY, 1_600); // sent twice
        history(OTP, 3_000); // and nothing on DAY: it stopped reporting
        for (int i = 0; i < 3; i++) {
            writer.add(NEW_JOB, DAY.minusDays(i), 50);
        }
        history(BROKEN, 100);
        dynamoDb.putItem(b -> b.tableName(countsTable)
                .item(Map.of(
                        "job",
                        AttributeValue.fromS(BROKEN.value()),
                        "day",
                        AttributeValue.fromS(DAY.toString()),
                        "count",
                        AttributeValue.fromN("-5"))));
        // Weekly e-mails in Germany alert as warnings only: they chat but never page.
        dynamoDb.putItem(b -> b.tableName(healthTable)
                .item(Map.of(
                        HealthKeys.PK,
                        AttributeValue.fromS(HealthKeys.SETTINGS),
                        HealthKeys.SK,
                        AttributeValue.fromS("prefix:email/weekly/"),
                        "severity",
                        AttributeValue.fromS("warning"))));
    }

    @Test
    void scheduledRun_judgesEveryJob_storesResults_andRoutesAlertsBySeverity() throws IOException {
        seedTheStory();

        Map<String, Object> summary = invoke(handler(NOW), event("health-check-scheduled.json"));

        assertThat(summary)
                .containsEntry("checked", 7)
                .containsEntry("healthy", 2)
                .containsEntry("unhealthy", 2)
                .containsEntry("zero", 1)
                .containsEntry("insufficient", 1)
                .containsEntry("failed", 1)
                .containsEntry("alerts", 3)
                .containsEntry("recoveries", 0)
                .containsEntry("invalidCounts", 1);

        var chatMessages = chat.drain();
        assertThat(chatMessages)
                .extracting(d -> d.attributes().get("job"))
                .containsExactlyInAnyOrder(BRAZIL.value(), GERMANY_WEEKLY.value(), OTP.value(), "(run)");
        assertThat(chatMessages)
                .as("one message for the run's failed jobs: the negative count")
                .filteredOn(d -> d.attributes().get("status").equals("FAILED"))
                .singleElement()
                .satisfies(d -> assertThat(d.body())
                        .contains("could not check 1 job")
                        .contains("bad/negative on 2026-11-20: the count for this day is invalid"));
        assertThat(chatMessages).allSatisfy(d -> {
            assertThat(d.attributes()).containsKeys("job", "status", "severity");
            assertThat(d.json()).containsEntry("version", "1.0").containsEntry("source", "custom");
        });
        var brazil = chatMessages.stream()
                .filter(d -> d.attributes().get("job").equals(BRAZIL.value()))
                .findFirst()
                .orElseThrow();
        assertThat(brazil.attributes()).containsEntry("status", "UNHEALTHY").containsEntry("severity", "critical");
        assertThat(brazil.body())
                .contains("2,000")
                .contains("below the expected range")
                .contains("partial failure");

        var pages = paging.drain();
        assertThat(pages)
                .extracting(d -> d.attributes().get("job"))
                .containsExactlyInAnyOrder(BRAZIL.value(), OTP.value());
        assertThat(pages).allSatisfy(d -> {
            assertThat(d.json()).containsEntry("NewStateValue", "ALARM");
            assertThat(d.subject()).startsWith("ALARM: ");
        });
        assertThat(chatWarningsOnly.drain())
                .as("a warnings-only subscription also hears of the failed jobs (severity warning, job '(run)')")
                .extracting(d -> d.attributes().get("job"))
                .containsExactlyInAnyOrder(GERMANY_WEEKLY.value(), "(run)");
        assertThat(emailTeam.drain())
                .extracting(d -> d.attributes().get("job"))
                .containsExactlyInAnyOrder(BRAZIL.value(), GERMANY_WEEKLY.value());

        var stored = result(BRAZIL, DAY);
        assertThat(stored.get("status").s()).isEqualTo("UNHEALTHY");
        assertThat(stored.get("count").n()).isEqualTo("2000");
        assertThat(stored.get("policy").s()).isEqualTo("classic");
        assertThat(stored).containsKeys("mean", "sigma", "sigmaLow", "sigmaHigh", "percentLow", "percentHigh");
        assertThat(result(OTP, DAY).get("status").s()).isEqualTo("ZERO");
        assertThat(result(NEW_JOB, DAY).get("status").s()).isEqualTo("INSUFFICIENT_HISTORY");
        assertThat(result(BROKEN, DAY).get("status").s()).isEqualTo("FAILED");
        assertThat(result(BROKEN, DAY).get("error").s()).contains("count is negative: -5");

        String log = logs.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(l -> l.contains("\"event\":\"alert_published\"")))
                .hasSize(3);
        assertThat(log)
                .contains("\"event\":\"count_rejected\"")
                .contains("\"job\":\"bad/negative\"")
                .contains("\"day\":\"2026-11-20\"");
        assertThat(log.lines()
                        .filter(l -> l.contains("\"event\":\"run_completed\""))
                        .findFirst()
                        .orElseThrow())
                .contains("\"checked\":7")
                .contains("\"failed\":1");
        // The same line is an Embedded Metric Format record: CloudWatch turns its fields into the alarms' metrics.
        Map<String, Object> emf = Json.readObject(log.lines()
                .filter(l -> l.contains("\"event\":\"run_completed\""))
                .findFirst()
                .orElseThrow());
        Map<?, ?> aws = (Map<?, ?>) emf.get("_aws");
        Map<?, ?> directive = (Map<?, ?>) ((List<?>) aws.get("CloudWatchMetrics")).getFirst();
        assertThat(directive.get("Namespace")).isEqualTo("autowatch/health-check");
        assertThat(((List<?>) directive.get("Metrics"))
                        .stream()
                                .map(m -> String.valueOf(((Map<?, ?>) m).get("Name")))
                                .toList())
                .contains("checked", "failed", "runsCompleted");
        assertThat(aws.get("Timestamp")).isInstanceOf(Number.class);
        assertThat(emf).containsEntry("runsCompleted", 1).containsEntry("failed", 1);
        assertThat(result(ODD, DAY).get("status").s()).isEqualTo("HEALTHY");
    }

    @Test
    void scheduledRun_withNoPolicySetting_judgesByAdaptive_storesWhatItExpected_andSaysSoInTheAlert()
            throws IOException {
        seedTheCounts();

        Map<String, Object> summary = invoke(handler(NOW), event("health-check-scheduled.json"));

        assertThat(summary)
                .containsEntry("checked", 7)
                .containsEntry("healthy", 2)
                .containsEntry("unhealthy", 2)
                .containsEntry("zero", 1)
                .containsEntry("insufficient", 1)
                .containsEntry("failed", 1)
                .containsEntry("alerts", 3);
        var brazil = result(BRAZIL, DAY);
        assertThat(brazil.get("policy").s()).isEqualTo("adaptive");
        assertThat(brazil.get("status").s()).isEqualTo("UNHEALTHY");
        assertThat(brazil.get("alerts").bool()).isTrue();
        assertThat(Double.parseDouble(brazil.get("expected").n())).isBetween(4_800.0, 5_200.0);
        assertThat(Long.parseLong(brazil.get("expectedLow").n())).isBetween(2_001L, 5_000L);
        assertThat(Long.parseLong(brazil.get("expectedHigh").n())).isGreaterThan(5_000);
        assertThat(Double.parseDouble(brazil.get("probability").n())).isLessThan(1e-4);
        assertThat(brazil.get("verdict").s()).isEqualTo("IMPROBABLE");
        assertThat(brazil.get("basis").s()).contains("level about");
        assertThat(brazil.get("explanation").s()).startsWith("Counted 2,000, expected ");
        assertThat(brazil)
                .containsKeys("falseAlarmRate", "minChange", "minChangePercent")
                .doesNotContainKeys("mean", "sigmaLow", "window");
        assertThat(result(INDIA, DAY).get("verdict").s()).isEqualTo("USUAL");
        assertThat(result(OTP, DAY).get("status").s()).isEqualTo("ZERO");
        assertThat(result(NEW_JOB, DAY)).doesNotContainKey("expected");

        var chatMessages = chat.drain();
        assertThat(chatMessages)
                .extracting(d -> d.attributes().get("job"))
                .containsExactlyInAnyOrder(BRAZIL.value(), GERMANY_WEEKLY.value(), OTP.value(), "(run)");
        assertThat(chatMessages)
                .as("one message for the run's failed jobs: the negative count")
                .filteredOn(d -> d.attributes().get("status").equals("FAILED"))
                .singleElement()
                .satisfies(d -> assertThat(d.body())
                        .contains("could not check 1 job")
                        .contains("bad/negative on 2026-11-20: the count for this day is invalid"));
        assertThat(chatMessages.stream()
                        .filter(d -> d.attributes().get("job").equals(BRAZIL.value()))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .contains(brazil.get("explanation").s())
                .contains("Policy: adaptive")
                .contains("partial failure");
        assertThat(paging.drain())
                .extracting(d -> d.attributes().get("job"))
                .containsExactlyInAnyOrder(BRAZIL.value(), OTP.value());
    }

    @Test
    void retire_resolvesTheIncidentInPagerDutyAndItsChatThread_andTheJobIsNoLongerChecked() throws IOException {
        seedTheStory();
        byte[] scheduled = event("health-check-scheduled.json");
        invoke(handler(NOW), scheduled);
        String opened = chat.drain().stream()
                .filter(d -> d.attributes().get("job").equals(OTP.value()))
                .findFirst()
                .orElseThrow()
                .json()
                .get("metadata")
                .toString();
        paging.drain();

        Map<String, Object> done = invoke(
                handler(NOW.plusSeconds(600)),
                "{\"detail\": {\"retire\": [\"sms/otp/IN\"], \"reason\": \"replaced by sms/otp2/IN\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(done)
                .containsEntry("retired", List.of(OTP.value()))
                .containsEntry("incidentsResolved", List.of(OTP.value()));
        assertThat(paging.drain()).singleElement().satisfies(d -> {
            assertThat(d.json())
                    .containsEntry("NewStateValue", "OK")
                    .containsEntry("AlarmName", "autowatch job health: " + OTP.value());
            assertThat(d.subject()).startsWith("OK: ");
        });
        assertThat(chat.drain()).singleElement().satisfies(d -> {
            assertThat(d.attributes()).containsEntry("status", "RETIRED");
            assertThat(d.body()).contains("replaced by sms/otp2/IN");
            assertThat(opened).contains("threadId=autowatch/sms/otp/IN/2026-11-20");
            assertThat(d.json().get("metadata").toString()).contains("threadId=autowatch/sms/otp/IN/2026-11-20");
        });
        Map<String, Object> again = invoke(handler(NOW.plusSeconds(900)), scheduled);
        assertThat(again).as("OTP is retired and silent since").containsEntry("checked", 6);
        assertThat(chat.drain()).extracting(d -> d.attributes().get("job")).doesNotContain(OTP.value());
    }

    @Test
    void retire_withAMalformedList_isRefusedNamingTheField() {
        assertThatThrownBy(() -> invoke(
                        handler(NOW), "{\"detail\": {\"retire\": \"sms/otp/IN\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'detail.retire' must be a list of 1 to 100 job ids");
    }

    /** Invokes the widget as CloudWatch does, with a context that names the function (its cwdb-action calls it). */
    private String widget(String event) throws IOException {
        var handler = new OnCallWidgetHandler(new OnCallView(
                new DynamoDbStoredResults(dynamoDb, healthTable),
                new DynamoDbAlertLedger(dynamoDb, healthTable),
                Clock.fixed(NOW, ZoneOffset.UTC)));
        var context = (Context) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getInvokedFunctionArn")
                        ? "arn:aws:lambda:us-east-1:123456789012:function:on-call"
                        : null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theOnCallWidget_listsTheRunsOpenIncidents_criticalFirst_andDrawsAJobOverTheDashboardsRange()
            throws IOException {
        seedTheStory();
        invoke(handler(NOW), event("health-check-scheduled.json"));
        long start = DAY.minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = NOW.toEpochMilli();
        String context = "\"widgetContext\": {\"width\": 1100, \"timeRange\": {\"start\": " + start + ", \"end\": "
                + end + "}, \"forms\": {\"all\": {}}}";

        assertThat(Json.readObject(widget("{\"describe\": true}"))
                        .get("markdown")
                        .toString())
                .contains("autowatch on call");
        String list = (String) Json.read(widget("{" + context + "}"));
        assertThat(list).contains("3 jobs need a look").doesNotContain("<script");
        assertThat(list.indexOf(OTP.value()))
                .as("critical before warning")
                .isLessThan(list.indexOf(GERMANY_WEEKLY.value()));
        assertThat(list).contains("endpoint=\"arn:aws:lambda:us-east-1:123456789012:function:on-call\"");

        String chart = (String) Json.read(widget("{\"job\": \"" + BRAZIL.value() + "\", " + context + "}"));
        assertThat(chart)
                .contains("<h2>" + BRAZIL.value() + "</h2>")
                .contains("<svg")
                .contains("Open incident")
                .contains("Days that alerted")
                .contains(DAY.toString());
        String typed = (String)
                Json.read(widget("{\"widgetContext\": {\"forms\": {\"all\": {\"job\": \"" + OTP.value() + "\"}}}}"));
        assertThat(typed).as("a job typed into the form").contains("<h2>" + OTP.value() + "</h2>");
    }

    @Test
    void theWidgetsSampleEvent_drawsTheJobItNames() throws IOException {
        seedTheStory();
        invoke(handler(NOW), event("health-check-scheduled.json"));

        String page = (String) Json.read(widget(new String(event("on-call-widget.json"), StandardCharsets.UTF_8)));

        assertThat(page).as("the job the sample names, from its params").contains("email/welcome/US");
    }

    @Test
    void reruns_publishEachAlertOncePerJobAndDay() throws IOException {
        seedTheStory();
        byte[] scheduled = event("health-check-scheduled.json");
        invoke(handler(NOW), scheduled);
        chat.drain();
        paging.drain();

        Map<String, Object> again = invoke(handler(NOW.plusSeconds(600)), scheduled);
        Map<String, Object> manual =
                invoke(handler(NOW.plusSeconds(900)), event("health-check-all-jobs-for-a-day.json"));

        assertThat(again).containsEntry("unhealthy", 2).containsEntry("alerts", 0);
        assertThat(manual).containsEntry("alerts", 0);
        assertThat(chat.drain()).isEmpty();
        assertThat(paging.drain()).isEmpty();
    }

    @Test
    void aJobThatIsHealthyAgain_getsOneRecoveryThatResolvesItsIncident() throws IOException {
        seedTheStory();
        invoke(handler(NOW), event("health-check-scheduled.json"));
        String alarmName = (String) paging.drain().stream()
                .filter(d -> d.attributes().get("job").equals(BRAZIL.value()))
                .findFirst()
                .orElseThrow()
                .json()
                .get("AlarmName");
        chat.drain();

        LocalDate nextDay = DAY.plusDays(1);
        writer.add(BRAZIL, nextDay, 5_050);
        writer.add(INDIA, nextDay, 10_000);
        Instant nextRun = NOW.plusSeconds(86_400);
        byte[] nextEvent = new String(event("health-check-scheduled.json"), StandardCharsets.UTF_8)
                .replace("2026-11-21T00:30:00Z", "2026-11-22T00:30:00Z")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> summary = invoke(handler(nextRun), nextEvent);
        invoke(handler(nextRun.plusSeconds(60)), nextEvent);

        assertThat(summary).containsEntry("recoveries", 1);
        var pages = paging.drain();
        var recovery = pages.stream()
                .filter(d -> d.attributes().get("job").equals(BRAZIL.value()))
                .toList();
        assertThat(recovery).hasSize(1);
        assertThat(recovery.getFirst().json())
                .containsEntry("NewStateValue", "OK")
                .containsEntry("AlarmName", alarmName);
        assertThat(recovery.getFirst().attributes()).containsEntry("status", "HEALTHY");
        assertThat(chat.drain())
                .filteredOn(d -> d.attributes().get("job").equals(BRAZIL.value()))
                .singleElement()
                .satisfies(d -> assertThat(d.body()).contains("RECOVERED"));
        // The job that stopped reporting is still down on its second day: it alerts again, into the same incident.
        assertThat(pages)
                .filteredOn(d -> d.attributes().get("job").equals(OTP.value()))
                .singleElement()
                .satisfies(d -> assertThat(d.json()).containsEntry("NewStateValue", "ALARM"));
    }

    @Test
    void backfill_checksTheGivenDayForTheGivenJobsOnly() throws IOException {
        seedTheStory();
        Map<String, Object> summary = invoke(handler(NOW.plusSeconds(86_400 * 3)), event("health-check-backfill.json"));
        assertThat(summary)
                .containsEntry("checked", 2)
                .containsEntry("unhealthy", 1)
                .containsEntry("healthy", 1)
                .containsEntry("alerts", 1);
        assertThat(paging.drain()).extracting(d -> d.attributes().get("job")).containsExactly(BRAZIL.value());
        assertThat(result(OTP, DAY)).isEmpty();
    }

    @Test
    void aJobThatFinished_asksForItsOwnCheck_andOnlyItIsReadAndJudged() throws IOException {
        seedTheStory();
        // What the template's EventBridge rule hands the function for a "Job Finished" event.
        Map<String, Object> summary = invoke(handler(NOW), event("health-check-job-finished.json"));
        Map<String, Object> daily = invoke(handler(NOW.plusSeconds(60)), event("health-check-scheduled.json"));

        assertThat(summary).containsEntry("checked", 1);
        assertThat(result(INDIA, DAY)).isNotEmpty();
        assertThat(daily)
                .as("the daily run still checks every job, and alerts on each once")
                .containsEntry("checked", 7);
    }

    @Test
    void backfill_ofAnUnknownJob_saysSoAndChecksTheOthers() throws IOException {
        seedTheStory();
        byte[] event = "{\"detail\": {\"day\": \"2026-11-20\", \"jobs\": [\"email/daily-active/IN\", \"nope\"]}}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> summary = invoke(handler(NOW), event);
        assertThat(summary).containsEntry("checked", 1).containsEntry("jobsNotFound", List.of("nope"));
    }

    @Test
    void malformedDay_isAClearErrorAndPublishesNothing() {
        seedTheStory();
        byte[] event = "{\"detail\": {\"day\": \"2026-13-45\"}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> invoke(handler(NOW), event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'detail.day' is not a calendar date: '2026-13-45'");
        byte[] slashes = "{\"detail\": {\"day\": \"20/11/2026\"}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> invoke(handler(NOW), slashes))
                .hasMessageContaining("'detail.day' must be a date written YYYY-MM-DD, got '20/11/2026'");
        assertThat(chat.drain()).isEmpty();
        assertThat(paging.drain()).isEmpty();
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"event\":\"request_rejected\"");
    }

    @Test
    void aMissingTopic_failsTheInvocation_andTheAlertIsSentByTheRetry() throws IOException {
        seedTheStory();
        byte[] scheduled = event("health-check-scheduled.json");
        String missing = chatTopic.substring(0, chatTopic.lastIndexOf(':') + 1) + "no-such-topic";
        assertThatThrownBy(() -> invoke(handler(NOW, missing), scheduled))
                .isInstanceOf(SystemFailureException.class)
                .hasMessageContaining("no-such-topic");
        paging.drain();

        Map<String, Object> retry = invoke(handler(NOW.plusSeconds(60)), scheduled);
        assertThat(retry).containsEntry("alerts", 3);
        assertThat(chat.drain())
                .as("the three alerts, and the one message for the run's failed job")
                .extracting(d -> d.attributes().get("status"))
                .containsOnlyOnce("FAILED")
                .hasSize(4);
    }

    /** A handler on the wall clock whose claims last {@code lease} unrenewed, publishing through {@code publisher}. */
    private HealthCheckHandler liveHandler(AlertPublisher publisher, Duration lease) {
        Clock clock = Clock.systemUTC();
        return new HealthCheckHandler(
                HealthCheckWiring.service(
                        dynamoDb, countsTable, healthTable, publisher, clock, Executors.newFixedThreadPool(4), lease),
                clock);
    }

    /** The deployment's SNS publisher, each publish a little slow, so that two runs surely overlap. */
    private AlertPublisher slowSns() {
        var config = new HealthCheckConfig(
                countsTable, healthTable, chatTopic, Optional.of(pagingTopic), AwsEmulator.REGION.id(), 4);
        AlertPublisher sns = HealthCheckWiring.publisher(config, this.sns);
        return new AlertPublisher() {
            @Override
            public void publish(Notification notification) {
                pause();
                sns.publish(notification);
            }

            @Override
            public void publishFailures(FailedJobs failed) {
                pause();
                sns.publishFailures(failed);
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoDeliveriesOfTheSameScheduledEvent_atOnce_sendEachAlertAndPageOnce() throws Exception {
        seedTheStory();
        byte[] scheduled = event("health-check-scheduled.json");
        var first = liveHandler(slowSns(), Duration.ofSeconds(5));
        var twin = liveHandler(slowSns(), Duration.ofSeconds(5));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Map<String, Object>> a = pool.submit(() -> {
                start.await();
                return invoke(first, scheduled);
            });
            Future<Map<String, Object>> b = pool.submit(() -> {
                start.await();
                Thread.sleep(200);
                return invoke(twin, scheduled);
            });
            start.countDown();
            Map<String, Object> one = a.get(2, TimeUnit.MINUTES);
            Map<String, Object> two = b.get(2, TimeUnit.MINUTES);

            assertThat((int) one.get("alerts") + (int) two.get("alerts"))
                    .as("the three alerts, sent by one of the two")
                    .isEqualTo(3);
        }
        assertThat(chat.drain())
                .as("each alert once, and the one message for the run's failed job")
                .extracting(d -> d.attributes().get("job"))
                .doesNotHaveDuplicates()
                .hasSize(4);
        assertThat(paging.drain())
                .as("the two critical alerts, each paged once")
                .extracting(d -> d.attributes().get("job"))
                .containsExactlyInAnyOrder(OTP.value(), BRAZIL.value());
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("notifications_held_elsewhere");
    }

    @Test
    void aRunKilledAfterClaiming_hasItsNoticesSentByTheRetry_onceItsLeaseRunsOut() throws IOException {
        seedTheStory();
        byte[] scheduled = event("health-check-scheduled.json");
        // The run claims its alerts, then dies while publishing (a timeout kills the JVM: nothing is released, and
        // its heartbeat stops with it).
        AlertPublisher dying = n -> {
            throw new OutOfMemoryError("killed while publishing");
        };
        assertThatThrownBy(() -> invoke(liveHandler(dying, Duration.ofSeconds(2)), scheduled))
                .isInstanceOf(RuntimeException.class);
        assertThat(chat.drain()).isEmpty();

        Map<String, Object> retry = invoke(liveHandler(slowSns(), Duration.ofSeconds(2)), scheduled);

        assertThat(retry).as("the retry waits out the dead run's leases").containsEntry("alerts", 3);
        assertThat(chat.drain())
                .as("the three alerts, and the one message for the run's failed job")
                .extracting(d -> d.attributes().get("status"))
                .containsOnlyOnce("FAILED")
                .hasSize(4);
        assertThat(paging.drain()).as("the two critical alerts").hasSize(2);
    }

    @Test
    void theShardsOfARun_eachInvokedWithItsPart_alertAsTheWholeRunDoes_eachJobOnce() throws IOException {
        seedTheStory();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        var registry = new DynamoDbJobRegistry(dynamoDb, healthTable, executor);
        RegistryBackfill.fill(
                new DynamoDbCountsReader(dynamoDb, countsTable, executor), registry, DAY.minusDays(60), DAY);

        int alerts = 0;
        int checked = 0;
        for (int i = 0; i < 3; i++) {
            String shard = "{\"id\": \"sharded\", \"time\": \"2026-11-21T00:30:00Z\", \"detail\": {\"shard\": "
                    + "{\"index\": " + i + ", \"count\": 3}}}";
            Map<String, Object> part = invoke(handler(NOW), shard.getBytes(StandardCharsets.UTF_8));
            alerts += (int) part.get("alerts");
            checked += (int) part.get("checked");
        }

        assertThat(alerts).isEqualTo(3);
        assertThat(checked)
                .as("the seven jobs the whole run checks, each in one shard")
                .isEqualTo(7);
        assertThat(chat.drain())
                .as("the three alerts, and the one message for the failed job, from its shard")
                .extracting(d -> d.attributes().get("job"))
                .doesNotHaveDuplicates()
                .hasSize(4);
        executor.shutdownNow();
    }

    @Test
    void aMissingTable_failsTheInvocation() {
        var config = new HealthCheckConfig(
                "no-such-counts", healthTable, chatTopic, Optional.of(pagingTopic), AwsEmulator.REGION.id(), 4);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var handler = new HealthCheckHandler(HealthCheckWiring.create(config, dynamoDb, sns, clock), clock);
        assertThatThrownBy(() -> invoke(handler, event("health-check-scheduled.json")))
                .isInstanceOf(SystemFailureException.class)
                .hasMessageContaining("no-such-counts");
    }

    private Map<String, AttributeValue> result(JobId job, LocalDate day) {
        return dynamoDb.getItem(b -> b.tableName(healthTable).key(HealthKeys.result(job, day)))
                .item();
    }
}
