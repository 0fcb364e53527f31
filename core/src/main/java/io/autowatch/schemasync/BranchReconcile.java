package io.autowatch.schemasync;

import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.schemasync.report.SyncResult.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reconciles a repository's default branch after a push (the worker's {@code RECONCILE} command). */
final class BranchReconcile {

    /** GitHub's answers for a repository that is no longer there for this token. */
    private static final Set<Integer> GONE = Set.of(301, 403, 404, 409, 410, 451);

    private final PullRequests github;
    private final MonitorSync sync;
    private final SyncSettings settings;
    private final boolean planOnly;

    BranchReconcile(PullRequests github, MonitorSync sync, SyncSettings settings, boolean planOnly) {
        this.github = github;
        this.sync = sync;
        this.settings = settings;
        this.planOnly = planOnly;
    }

    /**
     * A push to the default branch: Datadog is made to match the branch as a whole (see
     * {@link MonitorSync#reconcile}). More stale monitors than one command deletes unconfirmed are left, and the
     * commit status says so.
     */
    SyncResult reconcile(CommandRequest request) {
        // The branch as GitHub has it now, not the payload's commit: a push payload is only as true as the secret
        // is secret, and a later push makes an earlier one moot.
        String commit;
        try {
            commit = github.defaultBranchHead(request.repository());
        } catch (PullRequests.GitHubException e) {
            if (request.command() != Command.DRIFT || !GONE.contains(e.status()) || e.rateLimited()) {
                throw e; // a push, or GitHub busy: retried from the queue
            }
            // A repository remembered for the drift check that is gone, renamed, empty or out of the token's reach:
            // said once a day in the log, never retried (a retry would block its commands for hours).
            return SyncResult.refused(
                    request,
                    "",
                    "GitHub answered " + e.status() + " for the default branch, so its monitors were not checked: "
                            + e.getMessage());
        }
        PullRequests.RepositoryFiles files = github.files(request.repository(), commit);
        List<String> paths =
                files.paths().stream().filter(settings::isSchema).sorted().toList();
        MonitorSync.Planned planned = sync.reconcile(
                request.repository(), new CommitFiles(github, request.repository(), commit), paths, files.complete());
        if (planned.failure().isPresent()) {
            return SyncResult.of(request, commit, Optional.empty(), List.of(), planned.errors(), planned.failure());
        }
        Plan plan = planned.plan().orElseThrow();
        List<String> notices = new ArrayList<>();
        long deletes = plan.count(Plan.Delete.class);
        if (deletes > Limits.DELETES_WITHOUT_CONFIRMATION) {
            plan = new Plan(plan.steps().stream()
                    .filter(step -> !(step instanceof Plan.Delete))
                    .toList());
            notices.add(deletes + " monitors are no longer annotated but were not deleted (more than "
                    + Limits.DELETES_WITHOUT_CONFIRMATION + " at once)");
        }
        if (!files.complete()) {
            notices.add("GitHub listed the branch only in part, so nothing was deleted");
        }
        if (planOnly) {
            notices.add("plan only: no Datadog keys are configured, so nothing was applied");
        }
        List<StepOutcome> applied = planOnly ? List.of() : sync.apply(plan);
        SyncResult result = new SyncResult(
                request.command(),
                request.repository(),
                0,
                commit,
                request.sender(),
                Optional.of(plan),
                applied,
                planned.errors(),
                Optional.empty(),
                notices.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notices)));
        return result;
    }
}
