package io.autowatch.schema;

import io.autowatch.log.Log;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaError;
import io.autowatch.schema.PullRequests.CommitState;
import io.autowatch.schema.PullRequests.PullRequest;
import io.autowatch.schema.SyncResult.StepOutcome;
import java.util.Comparator;
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
    }

    public SyncResult handle(CommandRequest request) {
        github.react(request.repository(), request.commentId(), "eyes");
        SyncResult result = run(request);
        report(result);
        LOG.info(
                "command_completed",
                "delivery",
                request.deliveryId(),
                "repository",
                request.repository(),
                "pullRequest",
                request.pullRequest(),
                "command",
                request.command().text(),
                "sender",
                request.sender(),
                "failed",
                result.failed(),
                "errors",
                result.errors().size(),
                "refusal",
                result.refusal().orElse(null),
                "steps",
                result.plan().map(p -> p.steps().size()).orElse(0),
                "writes",
                result.applied().size(),
                "writeFailures",
                result.applied().stream().filter(s -> !s.ok()).count());
        return result;
    }

    private SyncResult run(CommandRequest request) {
        if (request.command() == Command.HELP) {
            return result(request, "", Optional.empty(), List.of(), List.of(), Optional.empty());
        }
        Optional<String> refusal = RegisterRules.repositoryRefusal(request.repository(), settings);
        if (refusal.isPresent()) {
            return refuse(request, "", refusal.get());
        }
        PullRequest pr = github.pullRequest(request.repository(), request.pullRequest());
        if (request.command() == Command.REGISTER) {
            String role = github.permission(request.repository(), request.sender());
            refusal = RegisterRules.registerRefusal(request.repository(), request.sender(), role, pr, settings);
            if (refusal.isPresent()) {
                return refuse(request, pr.headSha(), refusal.get());
            }
        }
        SyncScope scope = SyncScope.of(github.changedFiles(request.repository(), request.pullRequest()), settings);
        MonitorSync.Planned planned =
                sync.plan(atCommit(request.repository(), pr.headSha()), scope.headPaths(), scope.scopeTags());
        if (planned.failure().isPresent()) {
            return result(request, pr.headSha(), Optional.empty(), List.of(), planned.errors(), planned.failure());
        }
        Plan plan = planned.plan().orElseThrow();
        boolean apply =
                request.command() == Command.REGISTER && planned.errors().isEmpty() && !planOnly;
        List<StepOutcome> applied = apply ? sync.apply(plan) : List.of();
        SyncResult result =
                result(request, pr.headSha(), Optional.of(plan), applied, planned.errors(), Optional.empty());
        return planOnly && request.command() == Command.REGISTER
                ? result.withNotice("plan only: no Datadog keys are configured, so nothing was applied")
                : result;
    }

    /** The pull request's files at one commit. */
    private SchemaSource atCommit(String repository, String sha) {
        return new SchemaSource() {
            @Override
            public Optional<byte[]> read(String path) {
                return github.file(repository, path, sha);
            }

            @Override
            public String where() {
                return "at " + sha.substring(0, Math.min(7, sha.length()));
            }
        };
    }

    private void report(SyncResult result) {
        github.upsertComment(
                result.repository(), result.pullRequest(), StatusComment.MARKER, StatusComment.render(result));
        if (!result.headSha().isEmpty()) {
            CommitState state = result.failed() ? CommitState.FAILURE : CommitState.SUCCESS;
            github.setCommitStatus(
                    result.repository(), result.headSha(), state, STATUS_CONTEXT, StatusComment.summary(result));
        }
    }

    private static SyncResult refuse(CommandRequest request, String sha, String why) {
        return result(request, sha, Optional.empty(), List.of(), List.of(), Optional.of(why));
    }

    private static SyncResult result(
            CommandRequest request,
            String sha,
            Optional<Plan> plan,
            List<StepOutcome> applied,
            List<SchemaError> errors,
            Optional<String> refusal) {
        List<SchemaError> sorted = errors.stream()
                .sorted(Comparator.comparing(SchemaError::schemaPath).thenComparingInt(SchemaError::line))
                .toList();
        return new SyncResult(
                request.command(),
                request.repository(),
                request.pullRequest(),
                sha,
                request.sender(),
                plan,
                applied,
                sorted,
                refusal,
                Optional.empty());
    }
}
