package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.functions.schemawebhook.WebhookHandler;
import io.autowatch.functions.schemaworker.WorkerWiring;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.json.Json;
import io.autowatch.schemasync.intake.CommandLimits;
import io.autowatch.schemasync.report.LimitComment;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema-sync story (README, "Commands") through the real handler, as a schema owner lives it: signed comments in, Datadog and the pull
 * request changed. (The worker path through SQS is covered by SchemaSyncHandlersTest; this runs commands inline.)
 */
class SchemaSyncStoryTest {

    private static final String SECRET = "story-secret";
    private static final String REPO = "shop/event-schemas";
    private static final String PATH = "schemas/cart.avdl";

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final WebhookSignature signature = new WebhookSignature(SECRET);
    private final DynamoDbSchemaSyncState state = StateTables.fresh();
    private final WebhookHandler handler =
            FakeWiring.webhook(SECRET, state, WorkerWiring.inline(() -> FakeWiring.service(github, datadog)));
    private Map<String, String> main = Map.of();
    private int number = 0;

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private static String schema(String annotation) {
        return "@namespace(\"com.shop\") protocol Cart {\n  " + annotation
                + "\n  record AddToCartEvent { string sku; }\n}\n";
    }

    /** Opens a pull request turning main into {@code head}; {@code user} comments {@code comment}. */
    private int comment(Map<String, String> head, String user, String comment) throws IOException {
        number++;
        String sha = github.pullRequest(REPO, number, main, head, false);
        // GitHub tells the webhook of the new pull request first: it records the head the comment is about.
        deliver(
                "pull_request",
                Json.write(Map.of(
                        "action",
                        "opened",
                        "number",
                        number,
                        "pull_request",
                        Map.of("number", number, "updated_at", "2026-01-01T00:00:00Z", "head", Map.of("sha", sha)),
                        "repository",
                        Map.of("full_name", REPO))),
                202);
        github.addComment(REPO, number, 700 + number, user, comment); // what GitHub has, and the worker asks
        String body = Json.write(Map.of(
                "action",
                "created",
                "issue",
                Map.of("number", number, "pull_request", Map.of("url", "x")),
                "comment",
                Map.of("id", 700 + number, "body", comment, "user", Map.of("login", user)),
                "repository",
                Map.of("full_name", REPO)));
        deliver("issue_comment", body, 202);
        return number;
    }

    /** A signed GitHub delivery of {@code body} as {@code eventType}, through the webhook's handler. */
    private void deliver(String eventType, String body, int expectedStatus) throws IOException {
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", "/webhooks/github");
        event.put("requestContext", Map.of("http", Map.of("method", "POST", "path", "/webhooks/github")));
        event.put(
                "headers",
                Map.of(
                        "X-GitHub-Event",
                        eventType,
                        "X-GitHub-Delivery",
                        UUID.randomUUID().toString(),
                        "X-Hub-Signature-256",
                        signature.sign(body.getBytes(StandardCharsets.UTF_8))));
        event.put("body", body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        assertThat(Json.readObject(out.toByteArray())).containsEntry("statusCode", expectedStatus);
    }

    /** The status comment: posted by the pull request's autoplan before anyone comments, and edited since. */
    private String status(int pr) {
        return statusComment(pr);
    }

    /** The bot's one status comment on the pull request (users' comments come after it). */
    private String statusComment(int pr) {
        return github.comments(REPO, pr).stream()
                .filter(c -> c.contains(StatusComment.MARKER))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** {@code user} comments {@code comment} again on pull request {@code pr}, as comment {@code id}. */
    private void commentAgain(int pr, long id, String user, String comment) throws IOException {
        github.addComment(REPO, pr, id, user, comment);
        deliver(
                "issue_comment",
                Json.write(Map.of(
                        "action",
                        "created",
                        "issue",
                        Map.of("number", pr, "pull_request", Map.of("url", "x")),
                        "comment",
                        Map.of("id", id, "body", comment, "user", Map.of("login", user)),
                        "repository",
                        Map.of("full_name", REPO))),
                202);
    }

    @Test
    void aFloodOfComments_isAnsweredOnceWhenItPassesTheLimit_andCostsNoMoreGitHubCallsAfterThat() throws IOException {
        github.grant("owner", "write");
        int pr = comment(Map.of(PATH, schema("")), "owner", "esm plan");
        for (int i = 2; i <= CommandLimits.PER_PULL_REQUEST; i++) {
            commentAgain(pr, 800 + i, "owner", "esm plan");
        }
        assertThat(statusComment(pr)).doesNotContain("comment again after");
        github.clearCalls();

        commentAgain(pr, 811, "owner", "esm plan");
        long answering = github.calls().size();
        assertThat(github.comments(REPO, pr))
                .filteredOn(c -> c.contains(LimitComment.MARKER))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .contains("more than 10 autowatch commands this hour")
                        .contains("comment again after"));
        assertThat(statusComment(pr)).as("the plan stays").doesNotContain("comment again after");
        commentAgain(pr, 812, "owner", "esm plan");
        commentAgain(pr, 813, "owner", "esm register");

        assertThat(github.calls().size() - answering)
                .as("dropped: no GitHub call at all")
                .isZero();
        assertThat(github.calls())
                .extracting(FakeHttp.Call::path)
                .as("the answer only upserts the status comment")
                .allMatch(path -> path.contains("/issues/") || path.equals("/user"));
    }

    @Test
    void annotate_register_change_register_remove_register_throughTheHandler() throws IOException {
        github.grant("owner", "write");
        github.grant("guest", "read");

        Map<String, String> annotated = Map.of(PATH, schema("@monitor({\"type\": \"traffic_anomaly\"})"));
        int pr = comment(annotated, "guest", "esm register");
        assertThat(status(pr)).contains("guest may not register");
        assertThat(datadog.monitors()).isEmpty();

        pr = comment(Map.of(PATH, schema("@monitor({\"type\": \"trafic_anomaly\"})")), "owner", "esm register");
        assertThat(status(pr)).contains("`schemas/cart.avdl:2`").contains("did you mean 'traffic_anomaly'?");
        assertThat(datadog.monitors()).isEmpty();

        pr = comment(Map.of(PATH, "protocol Cart {\n  record A { string x }\n}\n"), "owner", "esm register");
        assertThat(status(pr)).contains("`schemas/cart.avdl:2`").contains("schema errors");

        pr = comment(annotated, "owner", "esm register");
        assertThat(status(pr)).contains("| `Traffic Anomaly with AddToCartEvent` | created |");
        assertThat(datadog.monitors()).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("name", "Traffic Anomaly with AddToCartEvent"));
        main = annotated;

        Map<String, String> changed =
                Map.of(PATH, schema("@monitor({\"type\": \"traffic_anomaly\", \"direction\": \"below\"})"));
        pr = comment(changed, "owner", "esm plan");
        assertThat(status(pr)).contains("| update | query, message |");
        assertThat((String) datadog.monitors().getFirst().get("query")).contains("direction='both'");
        pr = comment(changed, "owner", "esm register");
        assertThat((String) datadog.monitors().getFirst().get("query")).contains("direction='below'");
        main = changed;

        pr = comment(Map.of(PATH, schema("")), "owner", "esm register");
        assertThat(status(pr)).contains("| deleted | no longer annotated in `schemas/cart.avdl` |");
        assertThat(datadog.monitors()).isEmpty();
        assertThat(github.statuses()).extracting(s -> s.get("state")).contains("failure", "success");
        assertThat(github.reactions()).hasSize(7);
    }
}
