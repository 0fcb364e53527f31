package io.autowatch.schemasync;

import io.autowatch.log.Log;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.PullRequests.PullRequest;
import io.autowatch.schemasync.compat.CompatibilityCheck;
import io.autowatch.schemasync.compat.CompatibilityConfig;
import io.autowatch.schemasync.compat.CompatibilityReport;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.LimitComment;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.schemasync.report.SyncResult.StepOutcome;
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
    private final boolean planOnly;
    private final BranchReconcile reconcile;
    private final SchemaReader reader;
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
        this.planOnly = planOnly;
        this.reconcile = new BranchReconcile(github, sync, settings, planOnly);
        this.reader = reader;
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
        try {
            github.react(request.repository(), request.commentId(), "eyes");
        } catch (RuntimeException e) { // the comment may be gone, or reactions not allowed: the 👀 is a courtesy
            LOG.warn("reaction_failed", "delivery", request.deliveryId(), "error", e.toString());
        }
        SyncResult result;
        try {
            result = run(request);
        } catch (PullRequests.GitHubException e) {
            reporter.reportQuietly(SyncResult.refused(
                    request,
                    "",
                    "GitHub failed while the command ran, so it was not finished: " + e.getMessage()
                            + ". It is tried again; comment again if this stays."));
            throw e;
        } catch (Throwable e) { // deliberately everything, StackOverflowError and OutOfMemoryError included
            LOG.error("command_crashed", "delivery", request.deliveryId(), "error", e.toString());
            result = SyncResult.refused(
                    request,
                    "",
                    "autowatch failed inside while carrying the command out ("
                            + e.getClass().getSimpleName() + "); nothing more was written. The maintainers can find "
                            + "delivery " + request.deliveryId() + " in the logs.");
        }
        reporter.report(result);
        CommandLog.completed(request, result);
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
        if (request.command() == Command.RECONCILE) {
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
        if (files.size() >= Limits.MAX_CHANGED_FILES || pr.changedFiles() > files.size()) {
            return SyncResult.refused(
                    request,
                    pr.headSha(),
                    "GitHub listed " + files.size() + " of the "
                            + Math.max(pr.changedFiles(), files.size())
                            + " files this pull request changes (it lists at most "
                            + Limits.MAX_CHANGED_FILES
                            + "). Nothing was planned: a partial read could delete the monitors "
                            + "of the files not listed. Split the pull request.");
        }
        SyncScope scope = SyncScope.of(files, settings);
        String mergeBase = github.mergeBase(request.repository(), pr.baseSha(), pr.headSha());
        MonitorSync.Planned planned = sync.planChange(
                request.repository(),
                new CommitFiles(github, request.repository(), pr.headSha()),
                scope.headPaths(),
                new CommitFiles(github, request.repository(), mergeBase),
                scope.basePaths(),
                scope.scopeTags());
        if (planned.failure().isPresent()) {
            return SyncResult.of(
                    request, pr.headSha(), Optional.empty(), List.of(), planned.errors(), planned.failure());
        }
        Plan plan = planned.plan().orElseThrow();
        // The level is the base's: a pull request cannot lower the bar for itself.
        Optional<CompatibilityReport> compatibility = CompatibilityCheck.check(
                CompatibilityConfig.of(github.file(request.repository(), CompatibilityConfig.FILE, pr.baseSha())),
                planned.headRecords(),
                planned.baseRecords(),
                reader);
        if (request.command() == Command.REGISTER
                && compatibility.filter(c -> !c.compatible()).isPresent()
                && !Command.allowsIncompatible(comment.get().body())) {
            return SyncResult.of(
                            request,
                            pr.headSha(),
                            Optional.of(plan),
                            List.of(),
                            planned.errors(),
                            Optional.of("this changes "
                                    + compatibility.get().problems().size()
                                    + " thing(s) that readers cannot read past (see Compatibility). Comment `esm "
                                    + "register --allow-incompatible` to register anyway"))
                    .withCompatibility(compatibility);
        }
        long deletes = plan.count(Plan.Delete.class);
        boolean confirmed = deletes <= Math.max(Limits.DELETES_WITHOUT_CONFIRMATION, request.allowDeletes());
        if (request.command() == Command.REGISTER && planned.errors().isEmpty() && !confirmed) {
            return SyncResult.of(
                            request,
                            pr.headSha(),
                            Optional.of(plan),
                            List.of(),
                            List.of(),
                            Optional.of("this would delete " + deletes + " monitors, more than "
                                    + Limits.DELETES_WITHOUT_CONFIRMATION
                                    + " without confirmation. Check the plan below, then comment `esm register "
                                    + "--allow-deletes=" + deletes + "` to go ahead"))
                    .withCompatibility(compatibility);
        }
        boolean apply =
                request.command() == Command.REGISTER && planned.errors().isEmpty() && !planOnly;
        List<StepOutcome> applied = apply ? sync.apply(plan) : List.of();
        SyncResult result = SyncResult.of(
                        request, pr.headSha(), Optional.of(plan), applied, planned.errors(), Optional.empty())
                .withCompatibility(compatibility);
        return planOnly && request.command() == Command.REGISTER
                ? result.withNotice("plan only: no Datadog keys are configured, so nothing was applied")
                : result;
    }
}
