package io.autowatch.schemasync;

import io.autowatch.log.Log;
import io.autowatch.monitor.ExistingMonitor;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorPlanner;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.monitor.MonitorStore.MonitorStoreException;
import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaError;
import io.autowatch.schemasync.report.SyncResult.StepOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core of schema sync, wherever the schemas come from: read the files (through the {@link SchemaReader} port),
 * turn their annotations into monitors, list what Datadog has, plan; and apply a plan. Used by the pull-request commands and by
 * the local CLI's {@code plan}, so both show the same plan.
 */
public final class MonitorSync {

    private static final Log LOG = Log.of(MonitorSync.class);

    private final SchemaReader reader;
    private final MonitorStore datadog;
    private final SyncSettings settings;

    public MonitorSync(SchemaReader reader, MonitorStore datadog, SyncSettings settings) {
        this.reader = reader;
        this.datadog = datadog;
        this.settings = settings;
    }

    /**
     * A plan, or why there is none.
     *
     * @param plan    empty when Datadog could not be listed ({@code failure} says why)
     * @param errors  problems in the schemas; while there are any, nothing may be applied
     */
    public record Planned(Optional<Plan> plan, List<SchemaError> errors, Optional<String> failure) {
        public Planned {
            errors = errors.stream()
                    .sorted(Comparator.comparing(SchemaError::schemaPath).thenComparingInt(SchemaError::line))
                    .toList();
        }
    }

    /**
     * Plans the files as they are: every monitor they ask for is written, and a monitor in scope that none asks for
     * is deleted. For a folder (the CLI's {@code plan}) and for a default branch as a whole.
     *
     * @param paths     the schema files to read (as they are now)
     * @param scopeTags the schema tags whose existing monitors are in scope (these files, plus removed and renamed
     *                  ones' old paths): a monitor there that is no longer desired is deleted
     */
    public Planned plan(SchemaSource source, List<String> paths, Set<String> scopeTags) {
        Wanted head = wanted(source, paths, Optional.empty());
        if (head.failure().isPresent()) {
            return new Planned(Optional.empty(), head.errors(), head.failure());
        }
        return againstDatadog(head.monitors(), Optional.empty(), head.errors(), scopeTags, Optional.empty());
    }

    /**
     * Plans a pull request's own change: only monitors whose annotation differs between the merge base and the head
     * are written (created, updated, or deleted where the head removed it). An annotation the pull request does not
     * change is not touched, so two pull requests on one file cannot undo each other's monitors.
     *
     * <p>Problems in the base files are not reported: they were merged already. A base file that cannot be read
     * only makes fewer monitors look removed, so it can never cause a delete.
     */
    public Planned planChange(
            String repository,
            SchemaSource head,
            List<String> headPaths,
            SchemaSource base,
            List<String> basePaths,
            Set<String> scopeTags) {
        Wanted after = wanted(head, headPaths, Optional.of(repository));
        if (after.failure().isPresent()) {
            return new Planned(Optional.empty(), after.errors(), after.failure());
        }
        Wanted before = wanted(base, basePaths, Optional.of(repository));
        if (before.failure().isPresent()) {
            return new Planned(
                    Optional.empty(), after.errors(), before.failure().map(f -> "at the base: " + f));
        }
        Map<String, MonitorDefinition> was = new HashMap<>();
        before.monitors().forEach(d -> was.put(d.name(), d));
        List<MonitorDefinition> changed = after.monitors().stream()
                .filter(d -> !d.equals(was.get(d.name())))
                .toList();
        Set<String> touched = new HashSet<>(was.keySet());
        after.monitors().forEach(d -> touched.remove(d.name())); // what is left was removed
        changed.forEach(d -> touched.add(d.name()));
        return againstDatadog(changed, Optional.of(touched), after.errors(), scopeTags, Optional.of(repository));
    }

    /**
     * Plans a repository's default branch as a whole, after a push: every monitor its schemas ask for is created or
     * updated (repairing drift), and a monitor of the repository that none asks for is deleted, but only when its
     * file was read without errors or is gone from the branch, and only when GitHub listed the whole branch.
     * Problems in the files do not stop the other files' monitors: the branch is merged already.
     *
     * @param paths    every schema file on the branch
     * @param complete whether GitHub listed every file of the branch
     */
    public Planned reconcile(String repository, SchemaSource source, List<String> paths, boolean complete) {
        Wanted all = wanted(source, paths, Optional.of(repository));
        if (all.failure().isPresent()) {
            return new Planned(Optional.empty(), all.errors(), all.failure());
        }
        Set<String> onBranch = new HashSet<>();
        paths.forEach(p -> onBranch.add(MonitorRenderer.schemaTag(p)));
        Set<String> readCleanly = new HashSet<>(onBranch);
        all.errors().forEach(e -> readCleanly.remove(MonitorRenderer.schemaTag(e.schemaPath())));
        List<ExistingMonitor> existing = new ArrayList<>();
        try {
            existing.addAll(datadog.listByTags(
                    List.of(settings.monitors().envTag(), MonitorRenderer.repositoryTag(repository))));
            Set<String> found = new HashSet<>();
            existing.forEach(e -> found.add(e.name()));
            for (MonitorDefinition d : all.monitors()) {
                if (!found.contains(d.name())) {
                    existing.addAll(datadog.listByName(
                            d.name(), List.of(settings.monitors().envTag())));
                }
            }
        } catch (MonitorStoreException e) {
            return new Planned(
                    Optional.empty(),
                    all.errors(),
                    Optional.of("could not read the monitors in Datadog, so nothing was changed: " + e.getMessage()));
        }
        // May delete: monitors of files read cleanly, and of files gone from the branch; never on a partial listing.
        Set<String> deletable = new HashSet<>();
        if (complete) {
            deletable.addAll(readCleanly);
            existing.stream()
                    .filter(e -> e.tags().contains(MonitorRenderer.repositoryTag(repository)))
                    .flatMap(e -> e.tags().stream())
                    .filter(MonitorRenderer::isExactSchemaTag)
                    .filter(t -> !onBranch.contains(t))
                    .forEach(deletable::add);
        }
        Set<String> scope = new HashSet<>(deletable);
        scope.addAll(onBranch); // files on the branch own their monitors (no ownership conflict among them)
        Plan plan = MonitorPlanner.plan(
                all.monitors(), existing, scope, settings.monitors().envTag(), Optional.of(repository));
        List<Plan.Step> steps = plan.steps().stream()
                .filter(step -> !(step instanceof Plan.Delete d)
                        || d.existing().tags().stream().anyMatch(deletable::contains))
                .toList();
        return new Planned(Optional.of(new Plan(steps)), all.errors(), Optional.empty());
    }

    /** What the reader can do about a refusal that has a known cause. */
    private static String hint(Plan.Step step, MonitorStoreException e) {
        boolean anomaly =
                switch (step) {
                    case Plan.Create c -> c.desired().query().contains("anomalies(");
                    case Plan.Update u -> u.desired().query().contains("anomalies(");
                    default -> false;
                };
        return anomaly && (e.status() == 400 || e.status() == 403)
                ? " (Datadog creates anomaly monitors through its API only on some plans: if yours is not one,"
                        + " use low_volume or error_rate instead)"
                : "";
    }

    /** What the files ask for, or why they were not read whole. */
    private record Wanted(List<MonitorDefinition> monitors, List<SchemaError> errors, Optional<String> failure) {}

    private Wanted wanted(SchemaSource source, List<String> paths, Optional<String> repository) {
        if (paths.isEmpty()) {
            return new Wanted(List.of(), List.of(), Optional.empty());
        }
        SchemaReader.Read read = reader.read(source, paths);
        if (read.records().size() > Limits.MAX_RECORDS) {
            return tooMany(read.records().size() + " records", Limits.MAX_RECORDS + " records", read.errors());
        }
        DesiredMonitors.Desired desired = DesiredMonitors.from(read.records(), settings.monitors());
        if (desired.monitors().size() > Limits.MAX_MONITORS) {
            return tooMany(desired.monitors().size() + " monitors", Limits.MAX_MONITORS + " monitors", read.errors());
        }
        List<SchemaError> errors = new ArrayList<>(read.errors());
        errors.addAll(desired.errors());
        List<MonitorDefinition> monitors = repository
                .map(repo -> desired.monitors().stream()
                        .map(d -> MonitorRenderer.inRepository(d, repo))
                        .toList())
                .orElse(desired.monitors());
        return new Wanted(monitors, errors, Optional.empty());
    }

    /**
     * Lists what Datadog has for the scope and the desired names, and plans.
     *
     * @param only when present, the monitor names this plan may touch; other monitors are left as they are
     */
    private Planned againstDatadog(
            List<MonitorDefinition> desired,
            Optional<Set<String>> only,
            List<SchemaError> errors,
            Set<String> scopeTags,
            Optional<String> repository) {
        List<ExistingMonitor> existing = new ArrayList<>();
        try {
            for (String tag : scopeTags) {
                existing.addAll(datadog.listByTags(List.of(settings.monitors().envTag(), tag)));
            }
            Set<String> found = new HashSet<>();
            existing.forEach(e -> found.add(e.name()));
            for (MonitorDefinition d : desired) {
                if (!found.contains(d.name())) {
                    existing.addAll(datadog.listByName(
                            d.name(), List.of(settings.monitors().envTag())));
                }
            }
        } catch (MonitorStoreException e) {
            return new Planned(
                    Optional.empty(),
                    errors,
                    Optional.of("could not read the monitors in Datadog, so nothing was changed: " + e.getMessage()));
        }
        List<ExistingMonitor> inPlay = only.map(names ->
                        existing.stream().filter(e -> names.contains(e.name())).toList())
                .orElse(existing);
        return new Planned(
                Optional.of(MonitorPlanner.plan(
                        desired, inPlay, scopeTags, settings.monitors().envTag(), repository)),
                errors,
                Optional.empty());
    }

    private static Wanted tooMany(String found, String cap, List<SchemaError> errors) {
        return new Wanted(
                List.of(),
                errors,
                Optional.of("the changed schema files ask for " + found + "; one command handles at most " + cap
                        + ", so nothing was planned. Split the pull request."));
    }

    /** Writes the plan; a step that fails is recorded with Datadog's words and the others go on. */
    public List<StepOutcome> apply(Plan plan) {
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
                error = Optional.of(e.getMessage() + hint(step, e));
                LOG.warn("monitor_write_failed", "monitor", step.name(), "error", e.getMessage());
            }
            outcomes.add(new StepOutcome(step, error));
        }
        return outcomes;
    }
}
