package io.autowatch.schemasync;

import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.PullRequests.PullRequest;
import io.autowatch.schemasync.compat.CompatibilityCheck;
import io.autowatch.schemasync.compat.CompatibilityConfig;
import io.autowatch.schemasync.compat.CompatibilityReport;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.schemasync.report.SyncResult.StepOutcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plans a pull request's head against what Datadog has, checks its compatibility with the merge base, and applies the
 * plan for {@code esm register}: the part that {@code esm plan}, {@code esm register} and autoplan share once each has
 * decided the request may go ahead.
 */
final class PullRequestPlan {

    private final PullRequests github;
    private final MonitorSync sync;
    private final SchemaReader reader;
    private final SyncSettings settings;
    private final boolean planOnly;

    PullRequestPlan(
            PullRequests github, MonitorSync sync, SchemaReader reader, SyncSettings settings, boolean planOnly) {
        this.github = github;
        this.sync = sync;
        this.reader = reader;
        this.settings = settings;
        this.planOnly = planOnly;
    }

    /**
     * @param files             the files the pull request changes, as GitHub listed them
     * @param allowIncompatible whether the comment confirmed registering changes readers cannot read past
     * @param settingsFile      the repository's {@value CompatibilityConfig#FILE} at the pull request's base, read
     *                          when the plan gets that far (autoplan has read it already)
     */
    SyncResult run(
            CommandRequest request,
            PullRequest pr,
            List<PullRequests.ChangedFile> files,
            boolean allowIncompatible,
            Supplier<Optional<byte[]>> settingsFile) {
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
                CompatibilityConfig.of(settingsFile.get()), planned.headRecords(), planned.baseRecords(), reader);
        if (request.command() == Command.REGISTER
                && compatibility.filter(c -> !c.compatible()).isPresent()
                && !allowIncompatible) {
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
