package io.autowatch.github.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.json.Json;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.testing.SharedCorpus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookReceiverTest {

    private static final String SECRET = "test-secret";
    private static final WebhookSignature SIGNATURE = new WebhookSignature(SECRET);
    private static final WebhookReceiver RECEIVER = new WebhookReceiver(Optional.of(SIGNATURE));

    private static HttpRequest request(String event, byte[] body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", "delivery-1");
        headers.put("X-Hub-Signature-256", SIGNATURE.sign(body));
        headers.put("Content-Type", "application/json");
        headers.putAll(extraHeaders);
        return new HttpRequest("POST", "/webhooks/github", headers, body);
    }

    private static byte[] corpus(String file) throws IOException {
        return Files.readAllBytes(SharedCorpus.folder("github-webhooks").resolve(file));
    }

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource({
        "ping.repository-hook.json, ping, 200",
        "ping.github-app-hook.json, ping, 200",
        "issue_comment.created.on-issue.json, issue_comment, 204",
        "issue_comment.created.on-issue.with-installation.json, issue_comment, 204",
        "issue_comment.edited.on-issue.json, issue_comment, 204",
        "issue_comment.deleted.on-issue.json, issue_comment, 204",
        "issue_comment.created.on-pull-request.atlantis-fixture.json, issue_comment, 204",
        "pull_request.opened.json, pull_request, 202",
        "pull_request.synchronize.json, pull_request, 202",
    })
    void realPayloads_signedWithTheSecret_getTheDocumentedStatus(String file, String event, int status)
            throws IOException {
        assertThat(RECEIVER.decide(request(event, corpus(file), Map.of())).status())
                .isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull_request.opened.json", "pull_request.synchronize.json"})
    void aRealPullRequestOpenedOrPushedTo_recordsItsHead_andAsksForAnAutoplanOfThatHead(String file)
            throws IOException {
        WebhookDecision decision = RECEIVER.decide(request("pull_request", corpus(file), Map.of()));

        String head = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
        Instant pushed = Instant.parse("2019-05-15T15:20:33Z");
        assertThat(decision)
                .isEqualTo(new WebhookDecision.HeadMoved(
                        "Codertocat/Hello-World",
                        2,
                        head,
                        pushed,
                        Optional.of(CommandRequest.autoplan(
                                "delivery-1", "Codertocat/Hello-World", 2, "Codertocat", head, pushed))));
        assertThat(((WebhookDecision.HeadMoved) decision)
                        .autoplan()
                        .orElseThrow()
                        .onceKey())
                .as("one plan per head and event, however often GitHub delivers it")
                .isEqualTo("autoplan:codertocat/hello-world#2@" + head + "@" + pushed.toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR"})
    void aPullRequestFromSomeoneWithNoHistoryInTheRepository_recordsItsHead_butIsNotPlannedAutomatically(
            String association) throws IOException {
        String body = new String(corpus("pull_request.opened.json"), StandardCharsets.UTF_8)
                .replace("\"author_association\": \"OWNER\"", "\"author_association\": \"" + association + "\"");
        assertThat(body).contains("\"author_association\": \"" + association + "\"");

        WebhookDecision decision =
                RECEIVER.decide(request("pull_request", body.getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(decision).isInstanceOfSatisfying(WebhookDecision.HeadMoved.class, moved -> {
            assertThat(moved.headSha()).isEqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
            assertThat(moved.autoplan()).isEmpty();
            assertThat(moved.status()).isEqualTo(204);
            assertThat(moved.message()).contains("comment `esm plan`");
        });
    }

    @Test
    void aRealPullRequestComment_sayingEsmRegister_isAccepted() throws IOException {
        String body = new String(
                        corpus("issue_comment.created.on-pull-request.atlantis-fixture.json"), StandardCharsets.UTF_8)
                .replace("###comment body###", "  ESM   Register \\nplease");
        WebhookDecision decision =
                RECEIVER.decide(request("issue_comment", body.getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(decision).isInstanceOfSatisfying(WebhookDecision.Accepted.class, a -> {
            assertThat(a.status()).isEqualTo(202);
            assertThat(a.command())
                    .isEqualTo(new CommandRequest(
                            "delivery-1",
                            "runatlantis/atlantis-tests",
                            1,
                            396926483L,
                            "runatlantis",
                            Command.REGISTER));
            assertThat(a.command().group()).isEqualTo("runatlantis/atlantis-tests");
        });
    }

    @Test
    void theCommittedSampleEvent_isSignedWithTheDocumentedSecret() throws IOException {
        Path sample = SharedCorpus.repoRoot().resolve("events/schema-sync-webhook-register.json");
        HttpRequest request = HttpRequest.fromApiGateway(Json.readObject(Files.readAllBytes(sample)));
        var receiver = new WebhookReceiver(Optional.of(new WebhookSignature("autowatch-sample-webhook-secret")));
        assertThat(receiver.decide(request))
                .isInstanceOfSatisfying(WebhookDecision.Accepted.class, a -> assertThat(a.command())
                        .isEqualTo(new CommandRequest(
                                "3f6c8a40-c6e1-11f0-8f4e-sample000001",
                                "example-org/event-schemas",
                                42,
                                1234567890L,
                                "schema-owner",
                                Command.REGISTER)));
        assertThat(RECEIVER.decide(request).status()).as("another secret").isEqualTo(401);
    }

    @Test
    void badOrMissingSignatures_areRefusedBeforeAnythingIsRead() {
        byte[] body = "{\"zen\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RECEIVER.decide(request("ping", body, Map.of("X-Hub-Signature-256", "sha256=00")))
                        .status())
                .isEqualTo(401);
        assertThat(RECEIVER.decide(request("ping", body, Map.of("X-Hub-Signature-256", "sha256=zz")))
                        .status())
                .isEqualTo(401);
        assertThat(RECEIVER.decide(request(
                                "ping",
                                body,
                                Map.of(
                                        "X-Hub-Signature-256",
                                        SIGNATURE.sign(body).replace("sha256=", "sha1="))))
                        .status())
                .isEqualTo(401);
        Map<String, String> headers = new HashMap<>(Map.of("X-GitHub-Event", "ping"));
        assertThat(RECEIVER.decide(new HttpRequest("POST", "/webhooks/github", headers, body))
                        .status())
                .isEqualTo(401);
        byte[] tampered = "{\"zen\": \"y\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest signedForOther = new HttpRequest(
                "POST",
                "/webhooks/github",
                Map.of("X-GitHub-Event", "ping", "X-Hub-Signature-256", SIGNATURE.sign(body)),
                tampered);
        assertThat(RECEIVER.decide(signedForOther).status()).isEqualTo(401);
        assertThat(new WebhookReceiver(Optional.empty()).decide(request("ping", body, Map.of())))
                .isInstanceOf(WebhookDecision.Unauthorized.class);
    }

    @Test
    void headerNamesAnyCase_base64Bodies_andFormDeliveries_work() {
        String json = "{\"action\": \"created\", \"issue\": {\"number\": 7, \"pull_request\": {}}, "
                + "\"comment\": {\"id\": 9, \"body\": \"esm plan\", \"user\": {\"login\": \"ann\"}}, "
                + "\"repository\": {\"full_name\": \"o/r\"}}";
        byte[] form = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", "/webhooks/github");
        event.put("requestContext", Map.of("http", Map.of("method", "POST", "path", "/webhooks/github")));
        event.put(
                "headers",
                Map.of(
                        "X-GITHUB-EVENT",
                        "issue_comment",
                        "x-hub-signature-256",
                        SIGNATURE.sign(form),
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "x-github-delivery",
                        "d-9"));
        event.put("body", Base64.getEncoder().encodeToString(form));
        event.put("isBase64Encoded", true);
        assertThat(RECEIVER.decide(HttpRequest.fromApiGateway(event)))
                .isInstanceOfSatisfying(
                        WebhookDecision.Accepted.class,
                        a -> assertThat(a.command().command()).isEqualTo(Command.PLAN));
    }

    @Test
    void signedButMalformed_is400() {
        byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(RECEIVER.decide(request("issue_comment", junk, Map.of())).status())
                .isEqualTo(400);
        byte[] noIssue = "{\"action\": \"created\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RECEIVER.decide(request("issue_comment", noIssue, Map.of())).status())
                .isEqualTo(400);
        byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> noEvent = new HashMap<>(Map.of("X-Hub-Signature-256", SIGNATURE.sign(ok)));
        assertThat(RECEIVER.decide(new HttpRequest("POST", "/webhooks/github", noEvent, ok))
                        .status())
                .isEqualTo(400);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "esm register| REGISTER", "  ESM REGISTER  | REGISTER", "esm   plan| PLAN", "Esm Help| HELP",
                "esm registerx| NONE", "please esm register| NONE", "esm| NONE", "| NONE",
            })
    void commands_areTheFirstLine_anyCase_spacesIgnored(String body, String expected) {
        assertThat(Command.parse(body).map(Enum::name).orElse("NONE")).isEqualTo(expected);
        assertThat(Command.parse(body + "\nmore text").map(Enum::name).orElse("NONE"))
                .isEqualTo(expected);
    }

    private static byte[] push(String ref, String after, boolean deleted) {
        // The fields GitHub documents for the push event (others omitted).
        return Json.write(Map.of(
                        "ref",
                        ref,
                        "before",
                        "1".repeat(40),
                        "after",
                        after,
                        "created",
                        false,
                        "deleted",
                        deleted,
                        "forced",
                        false,
                        "repository",
                        Map.of("full_name", "shop/event-schemas", "default_branch", "main"),
                        "pusher",
                        Map.of("name", "ann"),
                        "sender",
                        Map.of("login", "ann")))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPushToTheDefaultBranch_asksForAReconcileOfThatCommit() {
        String sha = "ab".repeat(20);
        var decision = RECEIVER.decide(request("push", push("refs/heads/main", sha, false), Map.of()));
        assertThat(decision).isInstanceOfSatisfying(WebhookDecision.Accepted.class, a -> {
            assertThat(a.command().command()).isEqualTo(Command.RECONCILE);
            assertThat(a.command().commit()).contains(sha);
            assertThat(a.command().repository()).isEqualTo("shop/event-schemas");
            assertThat(a.command().group()).isEqualTo("shop/event-schemas");
        });
    }

    @Test
    void otherPushes_areIgnored() {
        assertThat(RECEIVER.decide(request("push", push("refs/heads/feature", "ab".repeat(20), false), Map.of()))
                        .status())
                .isEqualTo(204);
        assertThat(RECEIVER.decide(request("push", push("refs/tags/v1", "ab".repeat(20), false), Map.of()))
                        .status())
                .isEqualTo(204);
        assertThat(RECEIVER.decide(request("push", push("refs/heads/main", "0".repeat(40), true), Map.of()))
                        .status())
                .isEqualTo(204);
    }
}
