package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.functions.schemawebhook.WebhookHandler;
import io.autowatch.functions.schemaworker.WorkerHandler;
import io.autowatch.functions.schemaworker.WorkerWiring;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.json.Json;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.StatusComment;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.SharedCorpus;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Webhook and worker through the real handler: GitHub and Datadog fakes, an SQS FIFO queue in the emulator. */
@ExtendWith(AwsEmulator.class)
class SchemaSyncHandlersTest {

    private static final String SECRET = "autowatch-sample-webhook-secret";
    private static final String REPO = "example-org/event-schemas";
    private static final String SCHEMA = """
            @namespace("com.shop") protocol Cart {
              @monitor({"type": "traffic_anomaly", "notify": ["@slack-cart"]})
              record AddToCartEvent { string sku; }
            }
            """;

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final DynamoDbSchemaSyncState state = StateTables.fresh();
    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void setUp(SqsClient sqs) {
        this.sqs = sqs;
        queueUrl = sqs.createQueue(b -> b.queueName("commands-" + UUID.randomUUID() + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        github.grant("schema-owner", "admin");
        github.pullRequest(REPO, 42, Map.of(), Map.of("schemas/cart.avdl", SCHEMA), false);
        github.addComment(REPO, 42, 1234567890L, "schema-owner", "esm register"); // the sample events' comment
    }

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private SchemaSyncService service() {
        return FakeWiring.service(github, datadog);
    }

    private WebhookHandler handler(boolean queued) {
        SchemaSyncService service = service();
        Consumer<CommandRequest> next =
                queued ? new CommandQueue(sqs, queueUrl)::enqueue : WorkerWiring.inline(() -> service);
        return FakeWiring.webhook(SECRET, state, next);
    }

    private WorkerHandler worker() {
        return new WorkerHandler(service());
    }

    private static Map<String, Object> invoke(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    private static byte[] sampleWebhook() throws IOException {
        return Files.readAllBytes(SharedCorpus.repoRoot().resolve("events/schema-sync-webhook-register.json"));
    }

    private List<Message> drain() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }

    @Test
    void theWebhook_answers202_andQueuesTheCommandOncePerDelivery() throws IOException {
        WebhookHandler handler = handler(true);
        headDelivered(handler);
        Map<String, Object> response = invoke(handler, sampleWebhook());
        invoke(handler, sampleWebhook()); // GitHub redelivers the same delivery

        assertThat(response).containsEntry("statusCode", 202);
        assertThat((String) response.get("body")).contains("accepted: esm register on example-org/event-schemas#42");
        List<Message> all = drain();
        assertThat(all)
                .extracting(m -> CommandQueue.read(m.body()).command())
                .as("the head's autoplan, then the comment's command")
                .containsExactly(Command.AUTOPLAN, Command.REGISTER);
        List<Message> messages = commentCommands(all);
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.attributes())
                    .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "example-org/event-schemas");
            assertThat(CommandQueue.read(m.body()).deliveryId()).isEqualTo("3f6c8a40-c6e1-11f0-8f4e-sample000001");
        });
        assertThat(datadog.monitors()).as("the webhook itself writes nothing").isEmpty();
        assertThat(github.calls()).as("nor asks GitHub anything").isEmpty();

        Map<String, Object> worker = invoke(worker(), sqsEvent(messages.getFirst()));
        assertThat(worker).containsEntry("batchItemFailures", List.of());
        assertThat(datadog.monitors()).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("name", "Traffic Anomaly with AddToCartEvent"));
        assertThat(github.comments(REPO, 42))
                .filteredOn(c -> c.contains(StatusComment.MARKER))
                .singleElement()
                .asString()
                .contains("registered ✅");
    }

    @Test
    void theCommittedSqsSample_isCarriedOut() throws IOException {
        Map<String, Object> response = invoke(
                worker(), Files.readAllBytes(SharedCorpus.repoRoot().resolve("events/schema-sync-sqs-command.json")));
        assertThat(response).containsEntry("batchItemFailures", List.of());
        assertThat(datadog.monitors()).hasSize(1);
    }

    @Test
    void aCommandThatFails_isReportedForRedelivery() throws IOException {
        github.failNext(20, 500, Map.of(), "{\"message\": \"down\"}");
        Map<String, Object> response = invoke(
                worker(), Files.readAllBytes(SharedCorpus.repoRoot().resolve("events/schema-sync-sqs-command.json")));
        assertThat(response)
                .containsEntry(
                        "batchItemFailures", List.of(Map.of("itemIdentifier", "0b7a7f7e-5c2f-4b6e-9d1a-sample000001")));
    }

    /** GitHub's delivery of the sample pull request's head, which the webhook records and pins commands to. */
    private void headDelivered(WebhookHandler handler) throws IOException {
        String opened = "{\"action\": \"opened\", \"number\": 42, \"pull_request\": {\"number\": 42, "
                + "\"updated_at\": \"2026-11-30T10:00:00Z\", \"head\": {\"sha\": \"" + github.headOf(REPO, 42)
                + "\"}}, "
                + "\"repository\": {\"full_name\": \"" + REPO + "\"}}";
        assertThat(invoke(handler, apiGateway("pull_request", opened, new WebhookSignature(SECRET))))
                .containsEntry("statusCode", 202);
    }

    @Test
    void aRegisterOnAPullRequestWhoseHeadTheWebhookNeverHeardOf_isRefused_sayingWhatToDo() throws IOException {
        assertThat(invoke(handler(false), sampleWebhook())).containsEntry("statusCode", 202);

        assertThat(datadog.monitors()).isEmpty();
        assertThat(github.comments(REPO, 42).getLast())
                .contains("autowatch has no record of this pull request's head")
                .contains("Push a commit, or close and reopen the pull request");
    }

    @Test
    void withoutAQueue_theWebhookCarriesTheCommandOut() throws IOException {
        WebhookHandler handler = handler(false);
        headDelivered(handler);
        assertThat(invoke(handler, sampleWebhook())).containsEntry("statusCode", 202);
        assertThat(datadog.monitors()).hasSize(1);
    }

    @Test
    void refusals_pings_andNonCommands() throws IOException {
        WebhookHandler handler = handler(true);
        String tampered = new String(sampleWebhook(), StandardCharsets.UTF_8).replace("esm register", "esm plan");
        assertThat(invoke(handler, tampered.getBytes(StandardCharsets.UTF_8))).containsEntry("statusCode", 401);

        WebhookSignature signature = new WebhookSignature(SECRET);
        assertThat(invoke(handler, apiGateway("ping", "{\"zen\": \"Keep it simple.\"}", signature)))
                .containsEntry("statusCode", 200);
        Map<String, Object> ignored =
                invoke(handler, apiGateway("issue_comment", commentBody("looks good"), signature));
        assertThat(ignored).containsEntry("statusCode", 204).containsEntry("body", "");
        assertThat(invoke(handler, "{\"requestContext\": {}}".getBytes(StandardCharsets.UTF_8)))
                .containsEntry("statusCode", 401);
        assertThat(drain()).isEmpty();
    }

    @Test
    void aRedeliveryHoursLater_isAnsweredButNotCarriedOutAgain() throws IOException {
        WebhookHandler inline = handler(false); // no queue, so no SQS de-duplication window: only the ledger
        assertThat(invoke(inline, sampleWebhook())).containsEntry("statusCode", 202);
        long writes = datadog.calls().size();
        int comments = github.comments(REPO, 42).size();

        Map<String, Object> again = invoke(inline, sampleWebhook());

        assertThat(again).containsEntry("statusCode", 200);
        assertThat((String) again.get("body")).contains("already accepted");
        assertThat(datadog.calls()).hasSize((int) writes);
        assertThat(github.comments(REPO, 42)).hasSize(comments);
    }

    @Test
    void aCommand_isPinnedToTheHeadTheWebhookLastHeardOf_andRefusedWhenTheHeadMovedSince() throws IOException {
        WebhookHandler handler = handler(true);
        String head = github.pullRequest(REPO, 42, Map.of(), Map.of("schemas/cart.avdl", SCHEMA), false);
        String opened = "{\"action\": \"synchronize\", \"number\": 42, \"pull_request\": {\"number\": 42, "
                + "\"updated_at\": \"2026-11-30T10:00:00Z\", \"head\": {\"sha\": \"" + head + "\"}}, "
                + "\"repository\": {\"full_name\": \"" + REPO + "\"}}";
        WebhookSignature signature = new WebhookSignature(SECRET);
        assertThat(invoke(handler, apiGateway("pull_request", opened, signature)))
                .containsEntry("statusCode", 202);

        invoke(handler, sampleWebhook());
        List<Message> queued = commentCommands(drain());
        assertThat(queued)
                .singleElement()
                .satisfies(m -> assertThat(CommandQueue.read(m.body()).commit()).contains(head));

        // A push after the comment: the worker finds another head than the one the comment was made on.
        String pushed = github.pullRequest(REPO, 42, Map.of(), Map.of("schemas/cart.avdl", SCHEMA + "\n"), false);
        invoke(worker(), sqsEvent(queued.getFirst()));

        assertThat(datadog.monitors()).isEmpty();
        assertThat(github.comments(REPO, 42))
                .last()
                .asString()
                .contains("head moved from " + head.substring(0, 7) + " to " + pushed.substring(0, 7));
    }

    /** The queued messages that a comment asked for (not the autoplans of the heads). */
    private static List<Message> commentCommands(List<Message> messages) {
        return messages.stream()
                .filter(m -> CommandQueue.read(m.body()).command().fromComment())
                .toList();
    }

    private static String commentBody(String text) {
        return "{\"action\": \"created\", \"issue\": {\"number\": 42, \"pull_request\": {}}, \"comment\": {\"id\": 1, "
                + "\"body\": \"" + text + "\", \"user\": {\"login\": \"x\"}}, \"repository\": {\"full_name\": \"" + REPO
                + "\"}}";
    }

    private static byte[] apiGateway(String event, String body, WebhookSignature signature) {
        Map<String, Object> request = new HashMap<>();
        request.put("rawPath", "/webhooks/github");
        request.put("requestContext", Map.of("http", Map.of("method", "POST", "path", "/webhooks/github")));
        request.put(
                "headers",
                Map.of(
                        "x-github-event",
                        event,
                        "x-github-delivery",
                        UUID.randomUUID().toString(),
                        "x-hub-signature-256",
                        signature.sign(body.getBytes(StandardCharsets.UTF_8)),
                        "content-type",
                        "application/json"));
        request.put("body", body);
        request.put("isBase64Encoded", false);
        return Json.write(request).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sqsEvent(Message message) {
        return Json.write(Map.of(
                        "Records",
                        List.of(Map.of(
                                "messageId", message.messageId(), "body", message.body(), "eventSource", "aws:sqs"))))
                .getBytes(StandardCharsets.UTF_8);
    }
}
