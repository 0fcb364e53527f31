package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.Plan.Conflict;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A push to the default branch makes Datadog match the branch: the merged schemas are the truth. */
class SchemaSyncReconcileTest {

    private static final String REPO = "shop/event-schemas";

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final SchemaSyncService service = FakeWiring.service(github, datadog);

    @BeforeEach
    void setUp() {
        github.grant("owner", "write");
    }

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private static String schema(String protocol, String... annotatedRecords) {
        StringBuilder body = new StringBuilder("@namespace(\"com.shop\")\nprotocol " + protocol + " {\n");
        for (String record : annotatedRecords) {
            body.append("  @monitor({\"type\": \"low_volume\", \"threshold\": 10})\n  record ")
                    .append(record)
                    .append(" { string id; }\n");
        }
        return body.append("}\n").toString();
    }

    private SyncResult push(String repository, Map<String, String> files) {
        String sha = github.commit(repository, files);
        return service.handle(CommandRequest.reconcile("push-" + sha, repository, "ann", sha));
    }

    private List<Object> names() {
        return datadog.monitors().stream()
                .map(m -> m.get("name"))
                .sorted()
                .map(Object.class::cast)
                .toList();
    }

    @Test
    void aPush_createsWhatTheBranchAsksFor_andSaysSoInTheCommitStatus() {
        SyncResult result = push(REPO, Map.of("schemas/a.avdl", schema("A", "AEvent", "BEvent"), "README.md", "x"));

        assertThat(result.failed()).isFalse();
        assertThat(names()).containsExactly("Low Volume with AEvent", "Low Volume with BEvent");
        assertThat(datadog.monitors()).allSatisfy(m -> assertThat(String.valueOf(m.get("tags")))
                .contains(MonitorRenderer.repositoryTag(REPO)));
        assertThat(github.statuses()).last().satisfies(s -> assertThat(String.valueOf(s.get("description")))
                .startsWith("default branch: 2 created"));
        assertThat(github.comments(REPO, 0)).isEmpty();
    }

    @Test
    void aMonitorOfAPullRequestThatWasNeverMerged_isDeletedByTheNextPush() {
        Map<String, String> main = Map.of("schemas/a.avdl", schema("A", "AEvent"));
        push(REPO, main);
        github.pullRequest(REPO, 7, main, Map.of("schemas/a.avdl", schema("A", "AEvent", "Abandoned")), false);
        long comment = github.addComment(REPO, 7, "owner", "esm register");
        service.handle(pinned(new CommandRequest("d-7", REPO, 7, comment, "owner", Command.REGISTER)));
        assertThat(names()).hasSize(2);

        push(REPO, main); // the pull request was closed; the next push to main repairs the drift

        assertThat(names()).containsExactly("Low Volume with AEvent");
    }

    @Test
    void aFileWithErrorsOnTheBranch_keepsItsMonitors_andTheOthersAreStillApplied() {
        push(REPO, Map.of("schemas/a.avdl", schema("A", "AEvent")));

        SyncResult result = push(
                REPO,
                Map.of(
                        "schemas/a.avdl",
                        "protocol A { record AEvent { strin id; } }",
                        "schemas/b.avdl",
                        schema("B", "BEvent")));

        assertThat(result.errors()).isNotEmpty();
        assertThat(names()).containsExactly("Low Volume with AEvent", "Low Volume with BEvent");
    }

    @Test
    void aTruncatedListing_deletesNothing() {
        push(REPO, Map.of("schemas/a.avdl", schema("A", "AEvent", "BEvent")));
        github.truncateTrees(true);

        SyncResult result = push(REPO, Map.of("schemas/a.avdl", schema("A", "AEvent")));

        assertThat(names()).hasSize(2);
        assertThat(result.notice()).hasValueSatisfying(n -> assertThat(n).contains("only in part"));
    }

    @Test
    void anotherRepositorysMonitors_areNotTouched() {
        push("shop/other-schemas", Map.of("schemas/a.avdl", schema("Other", "OtherEvent")));

        push(REPO, Map.of("schemas/a.avdl", schema("A", "AEvent")));

        assertThat(names()).containsExactly("Low Volume with AEvent", "Low Volume with OtherEvent");
    }

    @Test
    void anotherRepositoryWithTheSamePathAndRecord_cannotTakeOverOrDeleteTheMonitor() {
        push("shop/other-schemas", Map.of("schemas/a.avdl", schema("A", "AEvent")));
        String before = String.valueOf(datadog.monitors().getFirst().get("tags"));

        SyncResult clash = push(REPO, Map.of("schemas/a.avdl", schema("A", "AEvent")));
        push(REPO, Map.of("schemas/a.avdl", schema("A")));

        assertThat(clash.failed()).isTrue();
        assertThat(clash.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .singleElement()
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.reason())
                        .contains("belongs to the repository shop/other-schemas")));
        assertThat(datadog.monitors()).singleElement().satisfies(m -> assertThat(String.valueOf(m.get("tags")))
                .isEqualTo(before));
    }

    @Test
    void aPushPayloadNamingAnotherCommit_reconcilesTheBranchAsGitHubHasIt() {
        String forked = github.commit("someone/fork", Map.of("schemas/a.avdl", schema("A", "Planted")));
        github.commit(REPO, Map.of("schemas/a.avdl", schema("A", "AEvent")));

        service.handle(CommandRequest.reconcile("push-forged", REPO, "mallory", forked));

        assertThat(names()).containsExactly("Low Volume with AEvent");
    }

    /** The request pinned to its pull request's head, as the webhook pins it from the head it recorded on opening. */
    private CommandRequest pinned(CommandRequest request) {
        return request.commit().isPresent() || request.pullRequest() <= 0
                ? request
                : request.pinnedTo(github.headOf(REPO, request.pullRequest()), Instant.EPOCH);
    }
}
