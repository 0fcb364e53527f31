package io.autowatch.functions.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.autowatch.aws.sns.SnsAlertPublisher;
import io.autowatch.aws.sns.SnsAlertPublisher.PagingFormat;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.alert.AlertLinks;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.json.Json;
import io.autowatch.pagerduty.PagerDutyEvents;
import io.autowatch.pagerduty.PagerDutyRelay;
import io.autowatch.pagerduty.RoutingKey;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.Judged;
import io.autowatch.testing.SharedCorpus;
import io.autowatch.testing.fakes.FakePagerDuty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The Events API v2 path as the template wires it: the health check publishes to the paging topic, SNS delivers raw
 * to a queue, the relay reads the routing key from Secrets Manager and posts each message to PagerDuty (a fake
 * speaking the documented wire format).
 */
@ExtendWith(AwsEmulator.class)
class PagerDutyRelayTest {

    private static final String KEY = "R0UT1NGKEY0000000000000000000032";
    private static final JobId JOB = JobId.of("email/daily-active/IN");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-21T00:30:05Z");
    private static final JobSettings CLASSIC = Judged.CLASSIC;

    private SnsClient sns;
    private SqsClient sqs;
    private String queue;
    private SnsAlertPublisher publisher;
    private String keyFromSecretsManager;

    private static Assessment classic(LocalDate day, long count) {
        return Judged.classic(day, count);
    }

    @BeforeEach
    void setUp(SnsClient sns, SqsClient sqs) {
        SecretsManagerClient secrets = AwsEmulator.secretsManager();
        this.sns = sns;
        this.sqs = sqs;
        String paging = sns.createTopic(
                        b -> b.name("paging-" + UUID.randomUUID() + ".fifo").attributes(Map.of("FifoTopic", "true")))
                .topicArn();
        String chat = sns.createTopic(b -> b.name("chat-" + UUID.randomUUID())).topicArn();
        queue = sqs.createQueue(b -> b.queueName("pagerduty-" + UUID.randomUUID() + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b ->
                b.topicArn(paging).protocol("sqs").endpoint(queueArn).attributes(Map.of("RawMessageDelivery", "true")));
        String arn = secrets.createSecret(
                        b -> b.name("pagerduty-" + UUID.randomUUID()).secretString(KEY))
                .arn();
        keyFromSecretsManager = secrets.getSecretValue(b -> b.secretId(arn)).secretString();
        publisher = new SnsAlertPublisher(
                sns, chat, Optional.of(paging), "us-east-1", PagingFormat.EVENTS_V2, AlertLinks.none());
    }

    private List<Message> drain(int expected) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 10 && messages.size() < expected; i++) {
            messages.addAll(sqs.receiveMessage(
                            b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
        }
        return messages;
    }

    /** The SQS event Lambda hands the relay, and the batch item failures it answers. */
    private static List<String> relay(PagerDutyRelayHandler handler, List<Message> messages) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Message m : messages) {
            records.add(Map.of("messageId", m.messageId(), "body", m.body(), "eventSource", "aws:sqs"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(Json.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8)),
                out,
                null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failures =
                (List<Map<String, Object>>) Json.readObject(out.toByteArray()).get("batchItemFailures");
        return failures.stream().map(f -> (String) f.get("itemIdentifier")).toList();
    }

    private PagerDutyRelayHandler handler(FakePagerDuty pagerDuty, String key) {
        return new PagerDutyRelayHandler(new PagerDutyRelay(
                () -> new PagerDutyEvents(
                        HttpClient.newHttpClient(), pagerDuty.uri().resolve("/v2/enqueue"), key),
                Clock.systemUTC()));
    }

    @Test
    void theSampleEvent_asSamLocalInvokeSendsIt_opensTheJobsIncident() throws IOException {
        byte[] sample = Files.readAllBytes(SharedCorpus.repoRoot().resolve("events/pagerduty-relay-sqs-page.json"));
        try (FakePagerDuty pagerDuty = new FakePagerDuty(KEY)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler(pagerDuty, KEY).handleRequest(new ByteArrayInputStream(sample), out, null);

            assertThat(Json.readObject(out.toByteArray())).containsEntry("batchItemFailures", List.of());
            assertThat(pagerDuty.incidents()).containsKey("autowatch/email/welcome/US");
            assertThat(pagerDuty.incidents().get("autowatch/email/welcome/US").open())
                    .isTrue();
        }
    }

    @Test
    void withTooLittleOfTheFunctionsTimeLeft_noEventIsStarted_andAllGoBackToTheQueue() throws IOException {
        publisher.publish(new Notification.Alert(JOB, classic(DAY, 0), CLASSIC, NOW));
        List<Message> messages = drain(1);
        var almostOut = (Context) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis") ? 10_000 : null);

        try (FakePagerDuty pagerDuty = new FakePagerDuty(KEY)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler(pagerDuty, KEY)
                    .handleRequest(
                            new ByteArrayInputStream(Json.write(Map.of(
                                            "Records",
                                            List.of(Map.of(
                                                    "messageId",
                                                            messages.getFirst().messageId(),
                                                    "body", messages.getFirst().body()))))
                                    .getBytes(StandardCharsets.UTF_8)),
                            out,
                            almostOut);

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains(messages.getFirst().messageId());
            assertThat(pagerDuty.calls()).isEmpty();
        }
    }

    @Test
    void aFixedKey_isReadAgainAfterPagerDutyRefusedOne_andTheSecretMustHoldAPlainKey() throws IOException {
        publisher.publish(new Notification.Alert(JOB, classic(DAY, 0), CLASSIC, NOW));
        List<Message> messages = drain(1);
        AtomicReference<String> secret = new AtomicReference<>("WRONGKEY000000000000000000000032");

        try (FakePagerDuty pagerDuty = new FakePagerDuty(KEY)) {
            var relay = new PagerDutyRelayHandler(new PagerDutyRelay(
                    () -> new PagerDutyEvents(
                            HttpClient.newHttpClient(), pagerDuty.uri().resolve("/v2/enqueue"), secret.get()),
                    Clock.systemUTC()));
            secret.set("WRONG");
            assertThat(relay(relay, messages))
                    .as("PagerDuty drops an unknown key: accepted, no incident")
                    .isEmpty();

            var refusing = new PagerDutyRelayHandler(new PagerDutyRelay(
                    () -> new PagerDutyEvents(
                            HttpClient.newHttpClient(), pagerDuty.uri().resolve("/v2/enqueue"), secret.get()),
                    Clock.systemUTC()));
            assertThat(relay(refusing, messages))
                    .as("a 5-character key is refused (400)")
                    .hasSize(1);
            secret.set(KEY);
            assertThat(relay(refusing, messages))
                    .as("the fixed key is read again after the 400")
                    .isEmpty();
            assertThat(pagerDuty.incidents()).containsKey("autowatch/" + JOB.value());
        }

        Assertions.assertThatThrownBy(() -> RoutingKey.parse("{\"key\": \"" + KEY + "\"}"))
                .hasMessageContaining("plain text")
                .hasMessageNotContaining(KEY);
        Assertions.assertThatThrownBy(() -> RoutingKey.parse(null)).hasMessageContaining("binary");
        assertThat(RoutingKey.parse(" " + KEY + "\n")).isEqualTo(KEY);
    }

    @Test
    void alertsAndTheRecovery_openOneIncident_andResolveIt_inOrder_withTheKeyFromSecretsManager() throws IOException {
        publisher.publish(new Notification.Alert(JOB, classic(DAY, 0), CLASSIC, NOW));
        publisher.publish(new Notification.Alert(JOB, classic(DAY.plusDays(1), 0), CLASSIC, NOW, DAY));
        publisher.publish(new Notification.Recovery(
                JOB,
                classic(DAY.plusDays(2), 9_100),
                new OpenIncident(JOB, DAY, DAY.plusDays(1), Severity.CRITICAL, HealthStatus.ZERO),
                NOW));

        try (FakePagerDuty pagerDuty = new FakePagerDuty(KEY)) {
            var relay = handler(pagerDuty, keyFromSecretsManager);
            List<String> actions = new ArrayList<>();
            // As Lambda's event source does: receive a batch, hand it to the relay, delete what it delivered.
            for (int round = 0; round < 10 && actions.size() < 3; round++) {
                List<Message> batch = drain(1);
                List<String> failed = relay(relay, batch);
                for (Message m : batch) {
                    if (!failed.contains(m.messageId())) {
                        actions.add((String) Json.readObject(m.body()).get("event_action"));
                        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                    }
                }
            }

            assertThat(actions)
                    .as("one job's events in the order they were published")
                    .containsExactly("trigger", "trigger", "resolve");
            FakePagerDuty.Incident incident = pagerDuty.incidents().get("autowatch/" + JOB.value());
            assertThat(incident.open()).isFalse();
            assertThat(incident.alerts()).as("two alerting days, one incident").hasSize(2);
            assertThat(incident.title()).startsWith("ZERO: " + JOB.value() + " on 2026-11-20: ");
            assertThat(pagerDuty.calls()).allSatisfy(c -> assertThat(c.body()).contains("\"routing_key\":\"" + KEY));
        }
    }

    @Test
    void aThrottledBatch_isKeptForTheNextTry_andARejectedEvent_isNeverDropped() throws IOException {
        for (int i = 0; i < 3; i++) {
            publisher.publish(new Notification.Alert(JobId.of("email/x/" + i), classic(DAY, 0), CLASSIC, NOW));
        }
        List<Message> messages = drain(3);
        assertThat(messages).hasSize(3);

        try (FakePagerDuty pagerDuty = new FakePagerDuty(KEY)) {
            pagerDuty.failNext(1, 429, Map.of(), "{\"status\":\"throttle event\"}");
            assertThat(relay(handler(pagerDuty, KEY), messages))
                    .as("after a 429 the rest wait too, rather than being throttled one by one")
                    .containsExactlyElementsOf(
                            messages.stream().map(Message::messageId).toList());
            assertThat(pagerDuty.calls()).hasSize(1);

            assertThat(relay(handler(pagerDuty, "too-short"), messages.subList(0, 1)))
                    .as("PagerDuty's 400 (a key of the wrong length): reported, so the queue keeps it for its DLQ")
                    .containsExactly(messages.getFirst().messageId());
            assertThat(relay(handler(pagerDuty, KEY), messages))
                    .as("the next try delivers them all")
                    .isEmpty();
            assertThat(pagerDuty.incidents()).hasSize(3);
        }
    }
}
