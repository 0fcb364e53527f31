package io.autowatch.schemasync;

import io.autowatch.log.Log;
import io.autowatch.schemasync.PullRequests.CommitState;
import io.autowatch.schemasync.compat.CompatibilityReport;
import io.autowatch.schemasync.report.StatusComment;
import io.autowatch.schemasync.report.SyncResult;

/** Tells the pull request and its commit what a command did: the status comment and the commit statuses. */
final class ResultReporter {

    private static final Log LOG = Log.of(ResultReporter.class);

    private final PullRequests github;

    ResultReporter(PullRequests github) {
        this.github = github;
    }

    void reportQuietly(SyncResult result) {
        try {
            report(result);
        } catch (RuntimeException e) {
            LOG.warn("report_failed", "repository", result.repository(), "error", e.toString());
        }
    }

    void report(SyncResult result) {
        if (!result.command().wholeBranch()) { // a push or a drift check has no pull request to comment on
            github.upsertComment(
                    result.repository(), result.pullRequest(), StatusComment.MARKER, StatusComment.render(result));
        }
        if (!result.headSha().isEmpty()) {
            result.compatibility()
                    .ifPresent(c -> github.setCommitStatus(
                            result.repository(),
                            result.headSha(),
                            c.compatible() ? CommitState.SUCCESS : CommitState.FAILURE,
                            CompatibilityReport.STATUS_CONTEXT,
                            c.summary()));
            CommitState state = result.failed() ? CommitState.FAILURE : CommitState.SUCCESS;
            github.setCommitStatus(
                    result.repository(),
                    result.headSha(),
                    state,
                    SchemaSyncService.STATUS_CONTEXT,
                    StatusComment.summary(result));
        }
    }
}
