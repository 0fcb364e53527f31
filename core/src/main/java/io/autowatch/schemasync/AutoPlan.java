package io.autowatch.schemasync;

import io.autowatch.json.Json;
import io.autowatch.log.Log;
import io.autowatch.schemasync.PullRequests.PullRequest;
import io.autowatch.schemasync.compat.CompatibilityConfig;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a pull request when it is opened, reopened or pushed to, so that a reviewer sees what Datadog will do without
 * anyone typing {@code esm plan}. It says nothing on a pull request that touches no schema file, on one whose head
 * has moved on (that push is planned in turn), and in a repository whose {@value CompatibilityConfig#FILE} says
 * {@code "autoplan": false}. It never writes to Datadog.
 */
final class AutoPlan {

    static final String SETTING = "autoplan";
    private static final Log LOG = Log.of(AutoPlan.class);

    private final PullRequests github;
    private final SyncSettings settings;
    private final PullRequestPlan pullRequestPlan;

    AutoPlan(PullRequests github, SyncSettings settings, PullRequestPlan pullRequestPlan) {
        this.github = github;
        this.settings = settings;
        this.pullRequestPlan = pullRequestPlan;
    }

    /** The plan to report on the pull request, or nothing to say (the reason is logged). */
    Optional<SyncResult> plan(CommandRequest request) {
        if (!settings.allows(request.repository())) {
            return skipped(request, "the repository is not one of ALLOWED_REPOSITORIES");
        }
        PullRequest pr = github.pullRequest(request.repository(), request.pullRequest());
        if (!pr.state().equals("open")) {
            return skipped(request, "the pull request is " + pr.state());
        }
        if (!pr.headSha().equals(request.commit().orElse(""))) {
            return skipped(request, "the head moved on to " + pr.headSha() + ", whose own push is planned");
        }
        // Read at the base, like the compatibility level: a pull request cannot turn its own plan off.
        Optional<byte[]> settingsFile = github.file(request.repository(), CompatibilityConfig.FILE, pr.baseSha());
        if (!wanted(settingsFile)) {
            return skipped(request, CompatibilityConfig.FILE + " turns autoplan off");
        }
        List<PullRequests.ChangedFile> files = github.changedFiles(request.repository(), request.pullRequest());
        SyncScope scope = SyncScope.of(files, settings);
        if (scope.scopeTags().isEmpty() && scope.basePaths().isEmpty()) {
            // Of what GitHub listed: a huge pull request of other files is not told to split itself.
            return skipped(request, "it touches no schema file that GitHub listed");
        }
        // A list GitHub cut short, with schema files in it, goes on to the plan, which refuses it and says why.
        return Optional.of(pullRequestPlan.run(request, pr, files, false, () -> settingsFile));
    }

    /**
     * Whether the repository wants autoplan: yes unless its settings file says {@code "autoplan": false}. A file that
     * cannot be read leaves it on (the compatibility section says what is wrong with the file).
     */
    static boolean wanted(Optional<byte[]> file) {
        if (file.isEmpty() || file.get().length > CompatibilityConfig.MAX_BYTES) {
            return true;
        }
        try {
            Map<String, Object> config = Json.readObject(file.get());
            return !Boolean.FALSE.equals(config.get(SETTING));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static Optional<SyncResult> skipped(CommandRequest request, String why) {
        LOG.info(
                "autoplan_skipped",
                "delivery",
                request.deliveryId(),
                "repository",
                request.repository(),
                "pullRequest",
                request.pullRequest(),
                "why",
                why);
        return Optional.empty();
    }
}
