package io.autowatch.schemasync;

import static io.autowatch.schemasync.JsonSchemaReader.file;
import static io.autowatch.schemasync.JsonSchemaReader.record;
import static io.autowatch.schemasync.SchemaSyncWorld.CART;
import static io.autowatch.schemasync.SchemaSyncWorld.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.schemasync.PullRequests.CommitState;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Commands that are not carried out, and why: who asked, from where, about which comment and which head. */
class SchemaSyncRefusalsTest {

    private static final String NO_SUCH_COMMENT = "GitHub has no such comment on this pull request (it was deleted or "
            + "edited, or the request did not come from GitHub), so nothing was done";

    private final SchemaSyncWorld world = new SchemaSyncWorld();
    private final Map<String, String> cart =
            Map.of(CART, file(record("AddToCartEvent", 5, "{\"type\": \"traffic_anomaly\"}")));

    private void assertNothingReadOrWritten() {
        assertThat(world.reader.reads()).isEmpty();
        assertThat(world.datadog.writes()).isEmpty();
        assertThat(world.datadog.monitors()).isEmpty();
    }

    @Test
    void register_byAReadOnlyUser_isRefusedWithTheReason_andReadsAndWritesNothing() {
        int pr = world.openPullRequest(cart);

        SyncResult result = world.comment(pr, "reader", "esm register");

        assertThat(result.refusal())
                .hasValue("@reader may not register monitors: it takes write, maintain or admin permission on "
                        + "shop/event-schemas, and they have 'read'. Anyone can still comment `esm plan`.");
        assertNothingReadOrWritten();
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .contains("### autowatch: `esm register` was not carried out ❌"));
        assertThat(world.github.lastStatus().sha())
                .isEqualTo(world.github.pullRequest(pr).headSha());
        assertThat(world.github.lastStatus().state()).isEqualTo(CommitState.FAILURE);
        assertThat(world.github.lastStatus().description()).startsWith("not done: @reader may not register monitors");
    }

    @Test
    void register_byAUserWithNoPermissionAtAll_isRefused() {
        SyncResult result = world.commentOnNew(cart, "stranger", "esm register");

        assertThat(result.refusal())
                .hasValueSatisfying(r ->
                        assertThat(r).startsWith("@stranger may not register").contains("they have 'none'"));
        assertNothingReadOrWritten();
    }

    @Test
    void register_fromAFork_isRefusedEvenForAWriter_untilForksAreAllowed() {
        int pr = world.openPullRequest(cart, true);

        SyncResult refused = world.comment(pr, "owner", "esm register");

        assertThat(refused.refusal())
                .hasValue("this pull request comes from a fork (someone/fork); registering from forks is switched off "
                        + "(ALLOW_FORK_PRS). Push the branch to shop/event-schemas or ask an admin.");
        assertNothingReadOrWritten();

        world.runWith(SchemaSyncWorld.allowing(Set.of(), true), false);
        SyncResult allowed = world.comment(pr, "owner", "esm register");

        assertThat(allowed.failed()).isFalse();
        assertThat(world.datadog.writes()).containsExactly("create Traffic Anomaly with AddToCartEvent");
    }

    @Test
    void register_isJudgedByTheCommentsAuthorAsGitHubHasIt_notByTheSenderTheRequestNames() {
        int pr = world.openPullRequest(cart);
        long id = world.github.comment(pr, "reader", "esm register");

        SyncResult result =
                world.handle(world.pinned(new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER)));

        assertThat(result.sender()).isEqualTo("reader");
        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r).startsWith("@reader may not register"));
        assertNothingReadOrWritten();
    }

    @Test
    void aCommentGitHubNoLongerHas_isRefused_andNothingIsReadOrWritten() {
        int pr = world.openPullRequest(cart);
        long id = world.github.comment(pr, "owner", "esm register");
        world.github.deleteComment(id);

        SyncResult result =
                world.handle(world.pinned(new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER)));

        assertThat(result.refusal()).hasValue(NO_SUCH_COMMENT);
        assertNothingReadOrWritten();
        assertThat(world.github.statusComment(pr))
                .hasValueSatisfying(body -> assertThat(body).contains("was not carried out"));
        assertThat(world.github.statuses()).as("no commit was looked at").isEmpty();
    }

    @Test
    void aCommentThatNamesAnotherCommand_isRefused() {
        int pr = world.openPullRequest(cart);
        long id = world.github.comment(pr, "owner", "esm plan");

        SyncResult result =
                world.handle(world.pinned(new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER)));

        assertThat(result.refusal()).hasValue(NO_SUCH_COMMENT);
        assertNothingReadOrWritten();
    }

    @Test
    void aCommentOnAnotherPullRequest_isRefused() {
        int pr = world.openPullRequest(cart);
        int other = world.openPullRequest(cart);
        long id = world.github.comment(other, "owner", "esm register");

        SyncResult result =
                world.handle(world.pinned(new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER)));

        assertThat(result.refusal()).hasValue(NO_SUCH_COMMENT);
        assertNothingReadOrWritten();
    }

    @Test
    void register_withNoHeadOnRecord_isRefused_sayingWhatToDo_andWritesNothing() {
        int pr = world.openPullRequest(cart);
        long id = world.github.comment(pr, "owner", "esm register");

        SyncResult result = world.handle(new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER));

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("autowatch has no record of this pull request's head")
                .contains("Push a commit, or close and reopen the pull request")
                .endsWith("esm plan works meanwhile."));
        assertNothingReadOrWritten();
    }

    @Test
    void plan_withNoHeadOnRecord_stillPlans_theHeadItRead() {
        int pr = world.openPullRequest(cart);
        long id = world.github.comment(pr, "owner", "esm plan");

        SyncResult result = world.handle(new CommandRequest("d-1", REPO, pr, id, "owner", Command.PLAN));

        assertThat(result.refusal()).isEmpty();
        assertThat(result.headSha()).isEqualTo(world.github.pullRequest(pr).headSha());
        assertThat(result.plan()).isPresent();
    }

    @Test
    void theHeadPushedAfterTheComment_isRefused() {
        int pr = world.openPullRequest(cart);
        String head = world.github.pullRequest(pr).headSha();
        long id = world.github.comment(pr, "owner", "esm register");
        CommandRequest request = new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER)
                .pinnedTo(head, world.github.createdAt(id).plusSeconds(1));

        SyncResult result = world.handle(request);

        assertThat(result.refusal())
                .hasValue("the pull request's head was pushed after the comment, so the comment was not about it and "
                        + "nothing was done. Comment again to act on the new head.");
        assertNothingReadOrWritten();
    }

    @Test
    void aHeadThatMovedSinceTheComment_isRefused_namingBothCommits() {
        int pr = world.openPullRequest(cart);
        String seen = world.github.pullRequest(pr).headSha();
        long id = world.github.comment(pr, "owner", "esm register");
        world.github.pushToPullRequest(pr, world.github.commit(cart));
        CommandRequest request = new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER)
                .pinnedTo(seen, world.github.createdAt(id).minus(Duration.ofMinutes(5)));

        SyncResult result = world.handle(request);

        assertThat(result.refusal())
                .hasValue("the pull request's head moved from a000002 to a000003 after the comment, so nothing was "
                        + "done. Comment again to act on a000003.");
        assertNothingReadOrWritten();
    }

    @Test
    void aRepositoryThisDeploymentDoesNotManage_isRefusedBeforeAnythingIsRead() {
        world.runWith(SchemaSyncWorld.allowing(Set.of("shop/other-schemas"), false), false);

        SyncResult result = world.commentOnNew(cart, "owner", "esm register");

        assertThat(result.refusal())
                .hasValue("this deployment of autowatch does not manage monitors for shop/event-schemas (it is not in "
                        + "ALLOWED_REPOSITORIES)");
        assertNothingReadOrWritten();
    }
}
