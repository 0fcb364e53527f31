package io.autowatch.schemasync;

import io.autowatch.monitor.MonitorSettings;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One repository's world for the service tests: GitHub, Datadog and the schema reader as in-memory fakes, a writer
 * ({@code owner}), a reader ({@code reader}), and the main branch as pull requests are merged into it.
 */
final class SchemaSyncWorld {

    static final String REPO = "shop/event-schemas";
    static final String CART = "schemas/cart.avdl";

    final InMemoryPullRequests github = new InMemoryPullRequests(REPO);
    final InMemoryMonitorStore datadog = new InMemoryMonitorStore();
    final JsonSchemaReader reader = new JsonSchemaReader();
    private SchemaSyncService service;
    private int deliveries;

    SchemaSyncWorld() {
        github.grant("owner", "write");
        github.grant("reader", "read");
        service = new SchemaSyncService(github, reader, datadog, SyncSettings.defaults());
    }

    /** From now on the service runs with {@code settings}, and in plan-only mode when {@code planOnly}. */
    void runWith(SyncSettings settings, boolean planOnly) {
        service = new SchemaSyncService(github, reader, datadog, settings, planOnly);
    }

    static SyncSettings allowing(Set<String> repositories, boolean forks) {
        return new SyncSettings(MonitorSettings.defaults(), SyncSettings.DEFAULT_GLOB, repositories, forks);
    }

    /** Opens a pull request that changes the main branch into exactly {@code files}. */
    int openPullRequest(Map<String, String> files) {
        return openPullRequest(files, false);
    }

    int openPullRequest(Map<String, String> files, boolean fromFork) {
        return github.openPullRequest(github.defaultBranchHead(), github.commit(files), fromFork);
    }

    /** Merges the pull request: the main branch now has its head's files. */
    void merge(int number) {
        github.moveDefaultBranchTo(github.pullRequest(number).headSha());
    }

    /** {@code author} comments {@code body} on the pull request, and the service carries the command out. */
    SyncResult comment(int number, String author, String body) {
        long id = github.comment(number, author, body);
        return handle(pinned(new CommandRequest(
                "delivery-" + ++deliveries,
                REPO,
                number,
                id,
                author,
                Command.parse(body).orElseThrow())));
    }

    /** The request pinned to the pull request's head, as the webhook pins it from the head it recorded on opening. */
    CommandRequest pinned(CommandRequest request) {
        return request.pinnedTo(github.pullRequest(request.pullRequest()).headSha(), Instant.EPOCH);
    }

    /** Opens a pull request to these files and has {@code author} comment {@code body} on it. */
    SyncResult commentOnNew(Map<String, String> files, String author, String body) {
        return comment(openPullRequest(files), author, body);
    }

    /** A push to the main branch with these files, and the service's reconcile of it. */
    SyncResult push(Map<String, String> files) {
        String sha = github.push(files);
        return handle(CommandRequest.reconcile("push-" + sha, REPO, "ann", sha));
    }

    SyncResult handle(CommandRequest request) {
        return service.handle(request);
    }
}
