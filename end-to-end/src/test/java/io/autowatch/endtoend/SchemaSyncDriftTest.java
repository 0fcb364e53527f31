package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.functions.schemawebhook.DriftHandler;
import io.autowatch.json.Json;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.schemasync.PullRequests;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.intake.DriftStart;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.SharedCorpus;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The scheduled drift check through its real handler: the repositories in use come from the schema-sync table, each
 * one's reconcile goes through the worker's queue, and monitors edited or deleted in Datadog's UI are put back.
 */
@ExtendWith(AwsEmulator.class)
class SchemaSyncDriftTest {

    private static final String REPO = "shop/event-schemas";
    private static final String SCHEMA = """
            @namespace("com.shop") protocol Cart {
              @monitor({"type": "low_volume", "threshold": 10})
              record AddToCartEvent { string sku; }
              @monitor({"type": "low_volume", "threshold": 5})
              record CheckoutEvent { string id; }
            }
            """;

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final DynamoDbSchemaSyncState state = StateTables.fresh();
    private final SchemaSyncService worker = FakeWiring.service(github, datadog);

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private static byte[] sampleEvent() throws IOException {
        return Files.readAllBytes(SharedCorpus.repoRoot().resolve("events/schema-sync-drift-scheduled.json"));
    }

    private static Map<String, Object> invoke(DriftHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    private long monitorId(String name) {
        return datadog.monitors().stream()
                .filter(m -> name.equals(m.get("name")))
                .map(m -> ((Number) m.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void monitorsEditedOrDeletedInDatadog_arePutBack_andTheBranchHeadsStatusSaysWhatChanged() throws IOException {
        String head = github.commit(REPO, Map.of("schemas/cart.avdl", SCHEMA));
        worker.handle(CommandRequest.reconcile("push-1", REPO, "ann", head)); // what the last push registered
        state.remember(REPO);
        datadog.edit(monitorId("Low Volume with AddToCartEvent"), Map.of("query", "sum(last_1h):0 < 1"));
        datadog.delete(monitorId("Low Volume with CheckoutEvent"));
        long someoneElses = datadog.put(
                Map.of("name", "Someone else's monitor", "type", "metric alert", "query", "avg(last_5m):avg:x{*} > 1"));
        github.clearCalls();

        Map<String, Object> reply = invoke(
                new DriftHandler(new DriftStart(state, command -> worker.handle(command), r -> true)), sampleEvent());

        assertThat(reply).containsEntry("run", "drift-2026-12-08T06:00:00Z").containsEntry("queued", List.of(REPO));
        assertThat(datadog.monitors())
                .extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder(
                        "Low Volume with AddToCartEvent", "Low Volume with CheckoutEvent", "Someone else's monitor");
        assertThat(datadog.monitors())
                .filteredOn(m -> "Low Volume with AddToCartEvent".equals(m.get("name")))
                .singleElement()
                .satisfies(m -> assertThat(String.valueOf(m.get("query"))).doesNotContain("sum(last_1h):0 < 1"));
        assertThat(datadog.monitors())
                .filteredOn(m -> ((Number) m.get("id")).longValue() == someoneElses)
                .as("a monitor without the repository's tag is left alone")
                .singleElement()
                .satisfies(m ->
                        assertThat(String.valueOf(m.get("tags"))).doesNotContain(MonitorRenderer.repositoryTag(REPO)));
        assertThat(github.statuses()).last().satisfies(s -> assertThat(s)
                .containsEntry("sha", head)
                .containsEntry("context", "autowatch/monitors")
                .containsEntry(
                        "description", "drift check, default branch: 1 created, 1 updated, 0 deleted, 0 unchanged"));
        assertThat(github.comments(REPO, 0)).as("no pull request to comment on").isEmpty();
    }

    @Test
    void aRepositoryWithNoDrift_isLeftAsItIs() throws IOException {
        String head = github.commit(REPO, Map.of("schemas/cart.avdl", SCHEMA));
        worker.handle(CommandRequest.reconcile("push-1", REPO, "ann", head));
        state.remember(REPO);
        List<Map<String, Object>> before = datadog.monitors();

        invoke(new DriftHandler(new DriftStart(state, command -> worker.handle(command), r -> true)), sampleEvent());

        assertThat(datadog.monitors()).isEqualTo(before);
        assertThat(github.statuses()).last().satisfies(s -> assertThat(String.valueOf(s.get("description")))
                .isEqualTo("drift check, default branch: 0 created, 0 updated, 0 deleted, 2 unchanged"));
    }

    @Test
    void aTwinDeliveryOfTheSameScheduledRun_queuesEachRepositoryOnce_inItsOwnGroup(SqsClient sqs) throws IOException {
        String queueUrl = sqs.createQueue(b -> b.queueName("commands-" + UUID.randomUUID() + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        state.remember(REPO);
        state.remember("shop/other-schemas");
        DriftHandler handler =
                new DriftHandler(new DriftStart(state, new CommandQueue(sqs, queueUrl)::enqueue, r -> true));

        invoke(handler, sampleEvent());
        invoke(handler, sampleEvent()); // EventBridge delivers at least once

        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                .messages();
        assertThat(messages)
                .extracting(m -> CommandQueue.read(m.body()))
                .allSatisfy(c -> assertThat(c.command()).isEqualTo(Command.DRIFT))
                .extracting(CommandRequest::repository)
                .containsExactlyInAnyOrder(REPO, "shop/other-schemas");
    }

    @Test
    void aRememberedRepositoryThatIsGone_isSkippedWithoutARetry_andTheOthersAreStillChecked() throws IOException {
        String head = github.commit(REPO, Map.of("schemas/cart.avdl", SCHEMA));
        worker.handle(CommandRequest.reconcile("push-1", REPO, "ann", head));
        datadog.delete(monitorId("Low Volume with CheckoutEvent"));
        state.remember("shop/deleted-since"); // GitHub has no default branch for it any more
        state.remember(REPO);
        List<SyncResult> results = new ArrayList<>();

        invoke(
                new DriftHandler(new DriftStart(state, command -> results.add(worker.handle(command)), r -> true)),
                sampleEvent());

        assertThat(results)
                .filteredOn(r -> r.repository().equals("shop/deleted-since"))
                .singleElement()
                .satisfies(r -> assertThat(r.refusal())
                        .hasValueSatisfying(why -> assertThat(why).startsWith("GitHub answered 404")));
        assertThat(datadog.monitors())
                .as("the other repository was still repaired")
                .hasSize(2);
    }

    @Test
    void aDriftCheckThatMeetsGitHubsRateLimit_isNotTakenForARepositoryThatIsGone_itIsRetried() {
        github.commit(REPO, Map.of("schemas/cart.avdl", SCHEMA));
        github.failNext(
                1,
                403,
                Map.of(
                        "x-ratelimit-remaining",
                        "0",
                        "x-ratelimit-reset",
                        Long.toString(Instant.now().getEpochSecond() + 3600)),
                "{\"message\": \"API rate limit exceeded\"}");

        assertThatThrownBy(() -> worker.handle(CommandRequest.drift("drift-1", REPO)))
                .isInstanceOf(PullRequests.GitHubException.class)
                .hasMessageContaining("rate limit");
        assertThat(datadog.monitors()).isEmpty();
    }
}
