package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.functions.schemawebhook.WebhookHandler;
import io.autowatch.functions.schemaworker.WorkerWiring;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.json.Json;
import io.autowatch.monitor.MonitorSettings;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.report.StatusComment;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import io.autowatch.testing.fakes.FakeHttp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Autoplan through the real webhook and worker: a pull request opened or pushed to is planned without anyone asking,
 * when it touches schemas and the repository has not turned it off; nothing is ever written to Datadog.
 */
class SchemaSyncAutoplanTest {

    private static final String SECRET = "autowatch-sample-webhook-secret";
    private static final String REPO = "shop/event-schemas";
    private static final String PATH = "schemas/cart.avdl";
    private static final String ANNOTATED = """
            @namespace("com.shop") protocol Cart {
              @monitor({"type": "low_volume", "threshold": 10})
              record AddToCartEvent { string sku; }
            }
            """;

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final DynamoDbSchemaSyncState state = StateTables.fresh();
    private final WebhookHandler webhook =
            FakeWiring.webhook(SECRET, state, WorkerWiring.inline(() -> FakeWiring.service(github, datadog)));

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    /** GitHub's {@code pull_request} event for {@code action} at {@code sha}, by {@code ann}, through the webhook. */
    private Map<String, Object> delivered(String action, int number, String sha) throws IOException {
        return delivered(webhook, action, number, sha, "2026-12-07T10:00:00Z");
    }

    private Map<String, Object> delivered(String action, int number, String sha, String updatedAt) throws IOException {
        return delivered(webhook, action, number, sha, updatedAt);
    }

    private Map<String, Object> delivered(WebhookHandler handler, String action, int number, String sha)
            throws IOException {
        return delivered(handler, action, number, sha, "2026-12-07T10:00:00Z");
    }

    private Map<String, Object> delivered(
            WebhookHandler handler, String action, int number, String sha, String updatedAt) throws IOException {
        String body = Json.write(Map.of(
                "action",
                action,
                "number",
                number,
                "pull_request",
                Map.of(
                        "number",
                        number,
                        "updated_at",
                        updatedAt,
                        "head",
                        Map.of("sha", sha),
                        "author_association",
                        "MEMBER"),
                "repository",
                Map.of("full_name", REPO),
                "sender",
                Map.of("login", "ann")));
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", "/webhooks/github");
        event.put("requestContext", Map.of("http", Map.of("method", "POST", "path", "/webhooks/github")));
        event.put(
                "headers",
                Map.of(
                        "X-GitHub-Event",
                        "pull_request",
                        "X-GitHub-Delivery",
                        UUID.randomUUID().toString(),
                        "X-Hub-Signature-256",
                        new WebhookSignature(SECRET).sign(body.getBytes(StandardCharsets.UTF_8))));
        event.put("body", body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.readObject(out.toByteArray());
    }

    private long datadogWrites() {
        return datadog.calls().stream()
                .filter(call -> !call.method().equals("GET"))
                .filter(call -> !call.path().endsWith("/validate"))
                .count();
    }

    @Test
    void aPullRequestThatChangesASchema_isPlannedWhenOpened_andAgainWhenPushedTo_withoutWritingToDatadog()
            throws IOException {
        String opened = github.pullRequest(REPO, 5, Map.of(), Map.of(PATH, ANNOTATED), false);

        assertThat(delivered("opened", 5, opened)).containsEntry("statusCode", 202);

        assertThat(github.comments(REPO, 5)).singleElement().asString().satisfies(comment -> assertThat(comment)
                .contains(StatusComment.MARKER)
                .contains("autowatch: plan (nothing applied)")
                .contains("Planned automatically for the push by @ann at `" + opened.substring(0, 7) + "`")
                .contains("| `Low Volume with AddToCartEvent` | create |"));
        assertThat(github.statuses())
                .filteredOn(s -> "autowatch/monitors".equals(s.get("context")))
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .containsEntry("description", "plan: 1 to create, 0 to update, 0 to " + "delete, 0 unchanged"));

        String pushed = github.pullRequest(
                REPO, 5, Map.of(), Map.of(PATH, ANNOTATED.replace("\"threshold\": 10", "\"threshold\": 20")), false);
        assertThat(delivered("synchronize", 5, pushed)).containsEntry("statusCode", 202);

        assertThat(github.comments(REPO, 5))
                .as("the one status comment, edited in place")
                .singleElement()
                .asString()
                .contains("at `" + pushed.substring(0, 7) + "`");
        assertThat(datadog.monitors()).isEmpty();
        assertThat(datadogWrites()).as("autoplan never writes to Datadog").isZero();
        assertThat(github.reactions()).as("no comment to react to").isEmpty();
    }

    @Test
    void aPullRequestThatTouchesNoSchema_getsNoComment_andNoStatus() throws IOException {
        String head = github.pullRequest(REPO, 6, Map.of(), Map.of("README.md", "# docs"), false);

        assertThat(delivered("opened", 6, head)).containsEntry("statusCode", 202);

        assertThat(github.comments(REPO, 6)).isEmpty();
        assertThat(github.statuses()).isEmpty();
        assertThat(github.calls())
                .extracting(FakeHttp.Call::path)
                .as("it reads the pull request, the settings file and the list of files, nothing more")
                .allMatch(path -> path.startsWith("/repos/" + REPO + "/pulls/6")
                        || path.startsWith("/repos/" + REPO + "/contents/autowatch.json"));
    }

    @Test
    void aRepositoryWhoseSettingsFileTurnsAutoplanOff_atTheBase_getsNoPlan_butEsmPlanStillWorks() throws IOException {
        Map<String, String> base = Map.of("autowatch.json", "{\"autoplan\": false}");
        Map<String, String> head = Map.of("autowatch.json", "{\"autoplan\": false}", PATH, ANNOTATED);
        String sha = github.pullRequest(REPO, 7, base, head, false);

        delivered("opened", 7, sha);

        assertThat(github.comments(REPO, 7)).isEmpty();
        assertThat(github.statuses()).isEmpty();
    }

    @Test
    void aPullRequestCannotTurnItsOwnPlanOff_theSettingIsReadAtTheBase() throws IOException {
        String sha = github.pullRequest(
                REPO, 8, Map.of(), Map.of("autowatch.json", "{\"autoplan\": false}", PATH, ANNOTATED), false);

        delivered("opened", 8, sha);

        assertThat(github.comments(REPO, 8)).singleElement().asString().contains("| create |");
    }

    @Test
    void aHeadThatHasMovedOnSinceItsEvent_isNotPlanned_itsOwnPushIs() throws IOException {
        String first = github.pullRequest(REPO, 9, Map.of(), Map.of(PATH, ANNOTATED), false);
        github.pullRequest(REPO, 9, Map.of(), Map.of(PATH, ANNOTATED + "\n"), false); // pushed again at once

        delivered("opened", 9, first);

        assertThat(github.comments(REPO, 9))
                .as("the older head's plan would be stale")
                .isEmpty();
    }

    @Test
    void aClosedPullRequest_aHugeOneOfOtherFiles_andARepositoryThisDeploymentDoesNotServe_getNoComment()
            throws IOException {
        String closed = github.pullRequest(REPO, 10, Map.of(), Map.of(PATH, ANNOTATED), false);
        github.report(REPO, 10, "state", "closed");
        String huge = github.pullRequest(REPO, 11, Map.of(), Map.of("docs/a.md", "a"), false);
        github.report(REPO, 11, "changed_files", 5_000); // GitHub lists at most 3,000 of them
        WebhookHandler servingOthers = FakeWiring.webhook(
                SECRET,
                state,
                WorkerWiring.inline(() -> FakeWiring.service(
                        github,
                        datadog,
                        new AvroSchemaReader(),
                        new SyncSettings(
                                MonitorSettings.defaults(),
                                SyncSettings.DEFAULT_GLOB,
                                Set.of("other/schemas"),
                                false))));
        String elsewhere = github.pullRequest(REPO, 12, Map.of(), Map.of(PATH, ANNOTATED), false);

        delivered("reopened", 10, closed);
        delivered("synchronize", 11, huge);
        delivered(servingOthers, "opened", 12, elsewhere);

        assertThat(github.comments(REPO, 10)).isEmpty();
        assertThat(github.comments(REPO, 11))
                .as("not told to split a pull request of no schema")
                .isEmpty();
        assertThat(github.comments(REPO, 12)).isEmpty();
        assertThat(github.statuses()).isEmpty();
    }

    @Test
    void aPullRequestClosedAndReopenedAtTheSameHead_isPlannedAgain() throws IOException {
        String head = github.pullRequest(REPO, 13, Map.of(), Map.of(PATH, ANNOTATED), false);
        delivered("opened", 13, head);
        github.clearCalls();

        delivered("opened", 13, head); // GitHub redelivers the same event
        assertThat(github.calls()).as("a redelivery is not planned again").isEmpty();
        delivered("reopened", 13, head, "2026-12-07T11:00:00Z");

        assertThat(github.calls())
                .extracting(FakeHttp.Call::path)
                .as("a reopen is")
                .anyMatch(path -> path.equals("/repos/" + REPO + "/pulls/13"));
    }
}
