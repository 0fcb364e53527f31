package io.autowatch.schemasync;

import io.autowatch.log.Log;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.schemasync.PullRequests.PullRequest;
import io.autowatch.schemasync.compat.CompatibilityConfig;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.LimitComment;
import io.autowatch.schemasync.report.SyncResult;
import java.util.List;
import java.util.Optional;

/**
 * Carries out one pull-request command: checks who may ask, reads the schema files the pull request touches at its
 * head commit, turns their annotations into monitors, plans against what Datadog has, applies the plan for
 * {@code esm register}, and reports on the pull request. Nothing is written while any schema has an error, and a
 * Datadog listing that fails stops everything before any write.
 */
public final class SchemaSyncService {

    public static final String STATUS_CONTEXT = "autowatch/monitors";
    private static final Log LOG = Log.of(SchemaSyncService.class);

    private final PullRequests github;
    private final MonitorSync sync;
    private final SyncSettings settings;
    private final BranchReconcile reconcile;
    private final PullRequestPlan pullRequestPlan;
    private final AutoPlan autoPlan;
    private final ResultReporter reporter;

    public SchemaSyncService(PullRequests github, SchemaReader reader, MonitorStore datadog, SyncSettings settings) {
        this(github, reader, datadog, settings, false);
    }

    /**
     * @param planOnly when true (no Datadog keys, e.g. a local run), {@code esm register} plans but writes nothing,
     *                 and the comment says so
     */
    public SchemaSyncService(
            PullRequests github, SchemaReader reader, MonitorStore datadog, SyncSettings settings, boolean planOnly) {
        this.github = github;
        this.sync = new MonitorSync(reader, datadog, settings);
        this.settings = settings;
        this.reconcile = new BranchReconcile(github, sync, settings, planOnly);
        this.pullRequestPlan = new PullRequestPlan(github, sync, reader, settings, planOnly);
        this.autoPlan = new AutoPlan(github, settings, pullRequestPlan);
        this.reporter = new ResultReporter(github);
    }

    /**
     * Carries the command out and reports on the pull request, whatever happens: a failure inside (a bug, a parser
     * that runs out of stack) is reported as such.
     *
     * @throws PullRequests.GitHubException when GitHub fails (after its own retries): the queue delivers the command
     *     again
     */
    public SyncResult handle(CommandRequest request) {
        if (request.overLimit().isPresent()) {
            // Over a command limit: one answer in a comment of its own (the plan stays), and no other call to GitHub:
            // the limit is there to spare its quota.
            SyncResult refused =
                    SyncResult.refused(request, "", request.overLimit().get());
            github.upsertComment(
                    request.repository(),
                    request.pullRequest(),
                    LimitComment.MARKER,
                    LimitComment.render(request.overLimit().get()));
            CommandLog.completed(request, refused);
            return refused;
        }
        if (request.command().fromComment()) {
            try {
                github.react(request.repository(), request.commentId(), "eyes");
            } catch (RuntimeException e) { // the comment may be gone, or reactions not allowed: the 👀 is a courtesy
                LOG.warn("reaction_failed", "delivery", request.deliveryId(), "error", e.toString());
            }
        }
        SyncResult result;
        try {
            Optional<SyncResult> done =
                    request.command() == Command.AUTOPLAN ? autoPlan.plan(request) : Optional.of(run(request));
            if (done.isEmpty()) { // an autoplan with nothing to say (AutoPlan logged why)
                return SyncResult.of(request, "", Optional.empty(), List.of(), List.of(), Optional.empty());
            }
            result = done.get();
        } catch (PullRequests.GitHubException e) {
            if (request.command() == Command.AUTOPLAN) {
                throw e; // retried; a pull request that may not touch a schema is not told of it
            }
            reporter.reportQuietly(SyncResult.refused(
                    request,
                    "",
                    "GitHub failed while the command ran, so it was not finished: " + e.getMessage()
                            + ". It is tried again; comment again if this stays."));
            throw e;
        } catch (Throwable e) { // deliberately everything, StackOverflowError and OutOfMemoryError included
            LOG.error("command_crashed", "delivery", request.deliveryId(), "error", e.toString());
            if (request.command() == Command.AUTOPLAN) {
                // Nobody asked: the log is enough, and `esm plan` says what failed to whoever does ask.
                return SyncResult.refused(
                        request, "", "autoplan failed inside (" + e.getClass().getSimpleName() + ")");
            }
            result = SyncResult.refused(
                    request,
                    "",
                    "autowatch failed inside while carrying the command out ("
                            + e.getClass().getSimpleName() + "); nothing more was written. The maintainers can find "
                            + "delivery " + request.deliveryId() + " in the logs.");
        }
        reporter.report(result);
        CommandLog.completed(request, result);
        if (request.command() == Command.DRIFT) {
            DriftLog.checked(result);
        }
        return result;
    }

    private SyncResult run(CommandRequest request) {
        if (request.command() == Command.HELP) {
            return SyncResult.of(request, "", Optional.empty(), List.of(), List.of(), Optional.empty());
        }
        Optional<String> refusal = RegisterRules.repositoryRefusal(request.repository(), settings);
        if (refusal.isPresent()) {
            return SyncResult.refused(request, "", refusal.get());
        }
        if (request.command().wholeBranch()) {
            return reconcile.reconcile(request);
        }
        // Act on the comment as GitHub has it: a signed payload only proves its sender knew the webhook secret.
        Optional<PullRequests.Comment> comment = github.comment(request.repository(), request.commentId());
        if (comment.isEmpty()
                || comment.get().issueNumber() != request.pullRequest()
                || Command.parse(comment.get().body()).orElse(null) != request.command()) {
            return SyncResult.refused(
                    request,
                    "",
                    "GitHub has no such comment on this pull request (it was deleted or edited, "
                            + "or the request did not come from GitHub), so nothing was done");
        }
        request = request.writtenBy(
                comment.get().author(), Command.allowedDeletes(comment.get().body()));
        if (request.headSeenAt().isPresent()
                && request.headSeenAt().get().isAfter(comment.get().createdAt())) {
            return SyncResult.refused(
                    request,
                    "",
                    "the pull request's head was pushed after the comment, so the comment was "
                            + "not about it and nothing was done. Comment again to act on the new head.");
        }
        PullRequest pr = github.pullRequest(request.repository(), request.pullRequest());
        if (request.command() != Command.HELP
                && request.commit().isPresent()
                && !request.commit().get().equals(pr.headSha())) {
            return SyncResult.refused(
                    request,
                    "",
                    "the pull request's head moved from "
                            + request.commit().get().substring(0, 7) + " to "
                            + pr.headSha().substring(0, 7)
                            + " after the comment, so nothing was done. Comment again to act on "
                            + pr.headSha().substring(0, 7) + ".");
        }
        if (request.command() == Command.REGISTER && request.commit().isEmpty()) {
            // Pin or refuse: with no head on record, the head now may be a push that came after the comment, which
            // nobody reviewed. A plan only reads, so it still runs, and says which head it planned.
            return SyncResult.refused(request, pr.headSha(), RegisterRules.UNPINNED_REGISTER);
        }
        if (request.command() == Command.REGISTER) {
            String role = github.permission(request.repository(), request.sender());
            refusal = RegisterRules.registerRefusal(request.repository(), request.sender(), role, pr, settings);
            if (refusal.isPresent()) {
                return SyncResult.refused(request, pr.headSha(), refusal.get());
            }
        }
        List<PullRequests.ChangedFile> files = github.changedFiles(request.repository(), request.pullRequest());
        String repository = request.repository();
        return pullRequestPlan.run(
                request,
                pr,
                files,
                Command.allowsIncompatible(comment.get().body()),
                () -> github.file(repository, CompatibilityConfig.FILE, pr.baseSha()));
    }
}
