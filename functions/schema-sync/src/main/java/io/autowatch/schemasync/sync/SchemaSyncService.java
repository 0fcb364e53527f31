package io.autowatch.schemasync.sync;

import io.autowatch.log.Log;
import io.autowatch.monitor.ExistingMonitor;
import io.autowatch.monitor.MonitorAnnotations;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorPlanner;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.monitor.MonitorStore.MonitorStoreException;
import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.avro.AvroSchemaReader;
import io.autowatch.schemasync.github.PullRequests;
import io.autowatch.schemasync.github.PullRequests.ChangedFile;
import io.autowatch.schemasync.github.PullRequests.CommitState;
import io.autowatch.schemasync.github.PullRequests.PullRequest;
import io.autowatch.schemasync.sync.SyncResult.StepOutcome;
import io.autowatch.schemasync.webhook.Command;
import io.autowatch.schemasync.webhook.CommandRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Carries out one pull-request command: checks who may ask, reads the schema files the pull request touches at its
 * head commit, turns their annotations into monitors, plans against what Datadog has, applies the plan for
 * {@code esm register}, and reports on the pull request. Nothing is written while any schema has an error, and a
 * Datadog listing that fails stops everything before any write.
 */
public final class SchemaSyncService {

    public static final String STATUS_CONTEXT = "autowatch/monitors";
    private static final Log LOG = Log.of(SchemaSyncService.class);
    private static final Set<String> MAY_REGISTER = Set.of("admin", "maintain", "write");
    private static final int MAX_IMPORTED_FILES = 200;

    private final PullRequests github;
    private final MonitorStore datadog;
    private final SyncSettings settings;

    public SchemaSyncService(PullRequests github, MonitorStore datadog, SyncSettings settings) {
        this.github = github;
        this.datadog = datadog;
        this.settings = settings;
    }

    public SyncResult handle(CommandRequest request) {
        github.react(request.repository(), request.commentId(), "eyes");
        SyncResult result = run(request);
        report(result);
        LOG.info("command_completed", "delivery", request.deliveryId(), "repository", request.repository(),
                "pullRequest", request.pullRequest(), "command", request.command().text(), "sender", request.sender(),
                "failed", result.failed(), "errors", result.errors().size(),
                "refusal", result.refusal().orElse(null),
                "steps", result.plan().map(p -> p.steps().size()).orElse(0),
                "writes", result.applied().size(),
                "writeFailures", result.applied().stream().filter(s -> !s.ok()).count());
        return result;
    }

    private SyncResult run(CommandRequest request) {
        if (request.command() == Command.HELP) {
            return result(request, "", Optional.empty(), List.of(), List.of(), Optional.empty());
        }
        if (!settings.allows(request.repository())) {
            return refuse(request, "", "this deployment of autowatch does not manage monitors for "
                    + request.repository() + " (it is not in ALLOWED_REPOSITORIES)");
        }
        PullRequest pr = github.pullRequest(request.repository(), request.pullRequest());
        if (request.command() == Command.REGISTER) {
            String role = github.permission(request.repository(), request.sender());
            if (!MAY_REGISTER.contains(role)) {
                return refuse(request, pr.headSha(), "@" + request.sender() + " may not register monitors: it takes "
                        + "write, maintain or admin permission on " + request.repository() + ", and they have '"
                        + role + "'. Anyone can still comment `esm plan`.");
            }
            if (pr.fromFork() && !settings.allowForks()) {
                return refuse(request, pr.headSha(), "this pull request comes from a fork (" + pr.headRepository()
                        + "); registering from forks is switched off (ALLOW_FORK_PRS). Push the branch to "
                        + request.repository() + " or ask an admin.");
            }
            if (!pr.state().equals("open")) {
                return refuse(request, pr.headSha(), "the pull request is " + pr.state() + "; register from an open one");
            }
        }
        List<ChangedFile> changed = github.changedFiles(request.repository(), request.pullRequest()).stream()
                .filter(f -> settings.isSchema(f.path()) || f.previousPath().filter(settings::isSchema).isPresent())
                .toList();
        Set<String> scopeTags = new LinkedHashSet<>();
        List<String> headPaths = new ArrayList<>();
        for (ChangedFile file : changed) {
            if (settings.isSchema(file.path())) {
                scopeTags.add(MonitorRenderer.schemaTag(file.path()));
                if (!file.removed()) {
                    headPaths.add(file.path());
                }
            }
            // A renamed file's monitors were tagged with its old path: finding them there lets them move or go.
            file.previousPath().filter(settings::isSchema).ifPresent(old -> scopeTags.add(MonitorRenderer.schemaTag(old)));
        }
        List<SchemaError> errors = new ArrayList<>();
        List<MonitorDefinition> desired = desired(request.repository(), pr.headSha(), headPaths, errors);

        List<ExistingMonitor> existing = new ArrayList<>();
        try {
            for (String tag : scopeTags) {
                existing.addAll(datadog.listByTags(List.of(settings.monitors().envTag(), tag)));
            }
            Set<String> found = new HashSet<>();
            existing.forEach(e -> found.add(e.name()));
            for (MonitorDefinition d : desired) {
                if (!found.contains(d.name())) {
                    existing.addAll(datadog.listByName(d.name(), List.of(settings.monitors().envTag())));
                }
            }
        } catch (MonitorStoreException e) {
            return result(request, pr.headSha(), Optional.empty(), List.of(), errors, Optional.of(
                    "could not read the monitors in Datadog, so nothing was changed: " + e.getMessage()));
        }
        Plan plan = MonitorPlanner.plan(desired, existing, scopeTags, settings.monitors().envTag());
        List<StepOutcome> applied = request.command() == Command.REGISTER && errors.isEmpty()
                ? apply(plan) : List.of();
        return result(request, pr.headSha(), Optional.of(plan), applied, errors, Optional.empty());
    }

    /** Reads the files at the head commit (with their imports) and turns their annotations into monitors. */
    private List<MonitorDefinition> desired(String repository, String sha, List<String> paths,
            List<SchemaError> errors) {
        if (paths.isEmpty()) {
            return List.of();
        }
        Path root;
        try {
            root = Files.createTempDirectory("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            fetch(repository, sha, paths, root, errors);
            List<SchemaRecord> records = new ArrayList<>();
            for (String path : paths) {
                if (!Files.exists(root.resolve(path))) {
                    continue;
                }
                switch (AvroSchemaReader.read(root, path)) {
                    case AvroSchemaReader.Read read -> {
                        records.addAll(read.records());
                        errors.addAll(read.errors());
                    }
                    case AvroSchemaReader.Failed failed -> errors.add(failed.error());
                }
            }
            Map<String, MonitorDefinition> byName = new LinkedHashMap<>();
            for (SchemaRecord record : records) {
                MonitorAnnotations.Parsed parsed = MonitorAnnotations.parse(record, settings.monitors());
                errors.addAll(parsed.errors());
                for (var spec : parsed.monitors()) {
                    MonitorDefinition d = MonitorRenderer.render(record, spec, settings.monitors());
                    MonitorDefinition twin = byName.putIfAbsent(d.name(), d);
                    if (twin != null) {
                        errors.add(new SchemaError(record.schemaPath(), record.line(), "record " + record.fullName()
                                + " would create '" + d.name() + "', which " + twin.recordName() + " in "
                                + twin.schemaPath() + " creates too; monitor names come from the record's simple "
                                + "name, so rename one of them"));
                    }
                }
            }
            return List.copyOf(byName.values());
        } finally {
            delete(root);
        }
    }

    /** Lays the files and, transitively, what they import out under {@code root} at their repository paths. */
    private void fetch(String repository, String sha, List<String> paths, Path root, List<SchemaError> errors) {
        Deque<String[]> queue = new ArrayDeque<>();
        paths.forEach(p -> queue.add(new String[] {p, null}));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_IMPORTED_FILES) {
            String[] next = queue.poll();
            String path = next[0];
            if (!seen.add(path)) {
                continue;
            }
            Optional<byte[]> content = github.file(repository, path, sha);
            if (content.isEmpty()) {
                String importer = next[1];
                errors.add(new SchemaError(importer == null ? path : importer, 0, importer == null
                        ? "the file is listed as changed but does not exist at " + sha.substring(0, 7)
                        : "imports '" + path + "', which does not exist at " + sha.substring(0, 7)));
                continue;
            }
            try {
                Path file = root.resolve(path).normalize();
                if (!file.startsWith(root)) {
                    errors.add(new SchemaError(next[1] == null ? path : next[1], 0, "import '" + path
                            + "' points outside the repository"));
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.write(file, content.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (path.endsWith(".avdl")) {
                String text = new String(content.get(), java.nio.charset.StandardCharsets.UTF_8);
                Path folder = Path.of(path).getParent();
                for (String imported : AvroSchemaReader.imports(text)) {
                    String resolved = (folder == null ? Path.of(imported) : folder.resolve(imported)).normalize()
                            .toString().replace('\\', '/');
                    queue.add(new String[] {resolved, path});
                }
            }
        }
    }

    /** Writes the plan; a step that fails is recorded and the others go on. */
    private List<StepOutcome> apply(Plan plan) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            Optional<String> error = Optional.empty();
            try {
                switch (step) {
                    case Plan.Create c -> {
                        datadog.validate(c.desired());
                        datadog.create(c.desired());
                    }
                    case Plan.Update u -> {
                        datadog.validate(u.desired());
                        datadog.update(u.id(), u.desired());
                    }
                    case Plan.Delete d -> datadog.delete(d.existing().id());
                    case Plan.Unchanged ignored -> {
                        continue;
                    }
                    case Plan.Conflict ignored -> {
                        continue;
                    }
                }
            } catch (MonitorStoreException e) {
                error = Optional.of(e.getMessage());
                LOG.warn("monitor_write_failed", "monitor", step.name(), "error", e.getMessage());
            }
            outcomes.add(new StepOutcome(step, error));
        }
        return outcomes;
    }

    private void report(SyncResult result) {
        github.upsertComment(result.repository(), result.pullRequest(), StatusComment.MARKER,
                StatusComment.render(result));
        if (!result.headSha().isEmpty()) {
            CommitState state = result.failed() ? CommitState.FAILURE : CommitState.SUCCESS;
            github.setCommitStatus(result.repository(), result.headSha(), state, STATUS_CONTEXT,
                    StatusComment.summary(result));
        }
    }

    private static SyncResult refuse(CommandRequest request, String sha, String why) {
        return result(request, sha, Optional.empty(), List.of(), List.of(), Optional.of(why));
    }

    private static SyncResult result(CommandRequest request, String sha, Optional<Plan> plan,
            List<StepOutcome> applied, List<SchemaError> errors, Optional<String> refusal) {
        List<SchemaError> sorted = errors.stream()
                .sorted(Comparator.comparing(SchemaError::schemaPath).thenComparingInt(SchemaError::line)).toList();
        return new SyncResult(request.command(), request.repository(), request.pullRequest(), sha, request.sender(),
                plan, applied, sorted, refusal);
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is cleaned with the execution environment.
        }
    }
}
