package io.autowatch.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.schemasync.Limits;
import io.autowatch.schemasync.PullRequests;
import io.autowatch.testing.fakes.FakeGitHub;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubRestClientTest {

    private final FakeGitHub github = new FakeGitHub();
    private final GitHubRestClient client =
            new GitHubRestClient(URI.create(github.baseUrl()), FakeGitHub.TOKEN, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void pullRequest_filesAndContents_atBothCommits() {
        String head = github.pullRequest(
                "o/r", 3, Map.of("a.avdl", "old", "gone.avdl", "x"), Map.of("a.avdl", "new", "b.avdl", "added"), false);
        var pr = client.pullRequest("o/r", 3);
        assertThat(pr.headSha()).isEqualTo(head);
        assertThat(pr.fromFork()).isFalse();
        assertThat(client.changedFiles("o/r", 3))
                .extracting(f -> f.path() + ":" + f.status())
                .containsExactly("a.avdl:modified", "b.avdl:added", "gone.avdl:removed");
        assertThat(client.file("o/r", "a.avdl", head))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("new"));
        assertThat(client.file("o/r", "gone.avdl", pr.baseSha())).isPresent();
        assertThat(client.file("o/r", "gone.avdl", head)).isEmpty();
        assertThat(github.pullRequest("o/r", 4, Map.of(), Map.of("x.avdl", "y"), true))
                .isNotBlank();
        assertThat(client.pullRequest("o/r", 4).fromFork()).isTrue();
    }

    @Test
    void changedFiles_readsEveryPage() {
        github.pullRequest("o/r", 5, Map.of(), Map.of(), false);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(Map.of("filename", "s/" + i + ".avdl", "status", "renamed", "previous_filename", "old/" + i));
        }
        github.changedFiles("o/r", 5, many);
        var files = client.changedFiles("o/r", 5);
        assertThat(files).hasSize(250);
        assertThat(files.get(249).previousPath()).contains("old/249");
        assertThat(github.count("GET", "/repos/o/r/pulls/5/files")).isEqualTo(3);
    }

    @Test
    void permissions_commentsReactionsAndStatuses() {
        github.pullRequest("o/r", 6, Map.of(), Map.of(), false);
        github.grant("ann", "maintain");
        assertThat(client.permission("o/r", "ann")).as("maintain is write").isEqualTo("write");
        assertThat(client.permission("o/r", "stranger")).isEqualTo("none");
        client.react("o/r", 77, "eyes");
        assertThat(github.reactions()).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("content", "eyes"));
        github.addComment("o/r", 6, "ann", "esm register");
        client.upsertComment("o/r", 6, "<!-- m -->", "<!-- m --> first");
        client.upsertComment("o/r", 6, "<!-- m -->", "<!-- m --> second");
        assertThat(github.comments("o/r", 6)).containsExactly("esm register", "<!-- m --> second");
        client.setCommitStatus("o/r", "abc", PullRequests.CommitState.SUCCESS, "autowatch/monitors", "x".repeat(200));
        assertThat(github.statuses()).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("state", "success").containsEntry("context", "autowatch/monitors");
            assertThat((String) s.get("description")).hasSize(140);
        });
    }

    @Test
    void serverErrors_areRetried_andAPersistentFailureNamesTheCall() {
        github.pullRequest("o/r", 7, Map.of(), Map.of(), false);
        github.failNext(2, 502, Map.of(), "{\"message\": \"bad gateway\"}");
        assertThat(client.pullRequest("o/r", 7).number()).isEqualTo(7);
        github.failNext(3, 503, Map.of(), "{\"message\": \"unavailable\"}");
        assertThatThrownBy(() -> client.pullRequest("o/r", 7))
                .isInstanceOf(PullRequests.GitHubException.class)
                .hasMessageContaining("GitHub answered 503 to GET /repos/o/r/pulls/7");
        var wrongToken = new GitHubRestClient(URI.create(github.baseUrl()), "nope", Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrongToken.pullRequest("o/r", 7))
                .isInstanceOfSatisfying(PullRequests.GitHubException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void permission_isTheBaseRole_soACustomRoleBuiltOnWriteIsWrite() {
        github.grantCustom("deployer", "schema-deployer", "write");
        github.grantCustom("viewer", "auditor", "read");
        github.grant("tri", "triage");
        assertThat(client.permission("o/r", "deployer")).isEqualTo("write");
        assertThat(client.permission("o/r", "viewer")).isEqualTo("read");
        assertThat(client.permission("o/r", "tri")).isEqualTo("read");
    }

    @Test
    void theToken_neverLeavesTheRepositorysApiPaths() {
        String head = github.pullRequest("o/r", 8, Map.of(), Map.of("a.avdl", "x"), false);
        github.clearCalls();
        assertThatThrownBy(() -> client.file("o/r", "../../../../user", head))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.file("o/r", "a.avdl", "../../user"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.pullRequest("o/r/../../../orgs/acme", 1))
                .isInstanceOf(PullRequests.GitHubException.class)
                .hasMessageContaining("refusing to send the token");
        assertThatThrownBy(() -> client.pullRequest("../r", 1)).hasMessageContaining("refusing to send the token");
        assertThat(github.calls()).as("nothing was sent").isEmpty();
    }

    @Test
    void aPageLinkOutOfTheCommandsRepository_isNotFollowed_andTheTokenStaysHome() {
        github.pullRequest("o/r", 10, Map.of(), Map.of("a.avdl", "x"), false);
        github.clearCalls();
        github.failNext(
                1,
                200,
                Map.of(
                        "link",
                        "<" + URI.create(github.baseUrl()).resolve("/repos/other/secrets/pulls/1/files?page=2")
                                + ">; rel=\"next\""),
                "[{\"filename\": \"a.avdl\", \"status\": \"added\"}]");

        assertThatThrownBy(() -> client.changedFiles("o/r", 10))
                .isInstanceOf(PullRequests.GitHubException.class)
                .hasMessageContaining("a page outside o/r");
        assertThat(github.calls())
                .as("only the first page, of o/r's")
                .singleElement()
                .satisfies(call -> assertThat(call.path()).contains("/repos/o/r/pulls/10/files"));
    }

    @Test
    void rateLimits_403Or429_areWaitedFor_whenTheResetIsNear() {
        github.pullRequest("o/r", 9, Map.of(), Map.of(), false);
        String reset = Long.toString(Instant.now().getEpochSecond() + 1);
        github.failNext(
                1,
                403,
                Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", reset),
                "{\"message\": \"API rate limit exceeded\"}");
        assertThat(client.pullRequest("o/r", 9).number()).isEqualTo(9);
        github.failNext(1, 429, Map.of("retry-after", "1"), "{\"message\": \"secondary rate limit\"}");
        assertThat(client.pullRequest("o/r", 9).number()).isEqualTo(9);
    }

    @Test
    void rateLimits_whenTheResetIsFar_failAtOnceSayingUntilWhen_andA403WithoutLimitIsNotRetried() {
        github.pullRequest("o/r", 10, Map.of(), Map.of(), false);
        String reset = Long.toString(Instant.now().getEpochSecond() + 3600);
        github.failNext(
                1,
                403,
                Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", reset),
                "{\"message\": \"API rate limit exceeded\"}");
        github.clearCalls();
        assertThatThrownBy(() -> client.pullRequest("o/r", 10))
                .isInstanceOf(PullRequests.GitHubException.class)
                .hasMessageContaining("rate limit for this token is used up until");
        assertThat(github.calls()).hasSize(1);

        github.failNext(1, 403, Map.of(), "{\"message\": \"Resource not accessible by integration\"}");
        github.clearCalls();
        assertThatThrownBy(() -> client.pullRequest("o/r", 10)).hasMessageContaining("GitHub answered 403");
        assertThat(github.calls()).hasSize(1);
    }

    @Test
    void upsertComment_editsOnlyItsOwnComment_notAStrangersCopyOfTheMarker() {
        github.pullRequest("o/r", 11, Map.of(), Map.of(), false);
        github.addComment("o/r", 11, "mallory", "<!-- m --> [click here](https://evil.example)");
        client.upsertComment("o/r", 11, "<!-- m -->", "<!-- m --> status");
        client.upsertComment("o/r", 11, "<!-- m -->", "<!-- m --> status, again");
        assertThat(github.comments("o/r", 11))
                .containsExactly("<!-- m --> [click here](https://evil.example)", "<!-- m --> status, again");
    }

    @Test
    void upsertComment_asAGitHubApp_usesTheConfiguredBotLogin_orElseOnlyAdds() {
        github.pullRequest("o/r", 12, Map.of(), Map.of(), false);
        github.actAsApp(true);
        var named = new GitHubRestClient(
                URI.create(github.baseUrl()), FakeGitHub.TOKEN, Duration.ofSeconds(5), Optional.of(FakeGitHub.LOGIN));
        named.upsertComment("o/r", 12, "<!-- m -->", "<!-- m --> one");
        named.upsertComment("o/r", 12, "<!-- m -->", "<!-- m --> two");
        assertThat(github.comments("o/r", 12)).containsExactly("<!-- m --> two");

        var anonymous = new GitHubRestClient(URI.create(github.baseUrl()), FakeGitHub.TOKEN, Duration.ofSeconds(5));
        anonymous.upsertComment("o/r", 12, "<!-- m -->", "<!-- m --> three");
        assertThat(github.comments("o/r", 12)).containsExactly("<!-- m --> two", "<!-- m --> three");
    }

    @Test
    void aHugeFile_isReadOnlyUpToOneBytePastTheCap() {
        String head = github.pullRequest(
                "o/r", 13, Map.of(), Map.of("big.avdl", "x".repeat(3 * Limits.MAX_FILE_BYTES)), false);
        assertThat(client.file("o/r", "big.avdl", head))
                .hasValueSatisfying(b -> assertThat(b).hasSize(Limits.MAX_FILE_BYTES + 1));
    }
}
