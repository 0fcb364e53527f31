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
import io.autowatch.monitor.SchemaRecord;
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
    private final WantedMonitors wanted;

    public MonitorSync(SchemaReader reader, MonitorStore datadog, SyncSettings settings) {
        this.reader = reader;
        this.datadog = datadog;
        this.settings = settings;
        this.wanted = new WantedMonitors(reader, settings);
    }

    /**
     * A plan, or why there is none.
     *
     * @param plan    empty when Datadog could not be listed ({@code failure} says why)
     * @param errors  problems in the schemas; while there are any, nothing may be applied
     */
    public record Planned(
            Optional<Plan> plan,
            List<SchemaError> errors,
            Optional<String> failure,
            List<SchemaRecord> headRecords,
            List<SchemaRecord> baseRecords) {
        public Planned {
            errors = errors.stream()
                    .sorted(Comparator.comparing(SchemaError::schemaPath).thenComparingInt(SchemaError::line))
                    .toList();
            headRecords = List.copyOf(headRecords);
            baseRecords = List.copyOf(baseRecords);
        }

        public Planned(Optional<Plan> plan, List<SchemaError> errors, Optional<String> failure) {
            this(plan, errors, failure, List.of(), List.of());
        }

        /** The same, with the records read at the head and the base (for the compatibility check). */
        Planned reading(List<SchemaRecord> head, List<SchemaRecord> base) {
            return new Planned(plan, errors, failure, head, base);
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
        WantedMonitors.Wanted head = wanted.read(source, paths, Optional.empty());
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
        WantedMonitors.Wanted after = wanted.read(head, headPaths, Optional.of(repository));
        if (after.failure().isPresent()) {
            return new Planned(Optional.empty(), after.errors(), after.failure());
        }
        WantedMonitors.Wanted before = wanted.read(base, basePaths, Optional.of(repository));
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
        // A monitor of a file with errors at the head is not removed: its annotation was not read. (Nothing is
        // written while there are errors, but the plan must not show a delete that fixing the error would undo.)
        Set<String> unread = new HashSet<>();
        after.errors().forEach(e -> unread.add(MonitorRenderer.schemaTag(e.schemaPath())));
        was.values().stream()
                .filter(d -> d.tags().stream().anyMatch(unread::contains))
                .forEach(d -> touched.remove(d.name()));
        changed.forEach(d -> touched.add(d.name()));
        return againstDatadog(changed, Optional.of(touched), after.errors(), scopeTags, Optional.of(repository))
                .reading(after.records(), before.records());
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
        WantedMonitors.Wanted all = wanted.read(source, paths, Optional.of(repository));
        if (all.failure().isPresent()) {
            return new Planned(Optional.empty(), all.errors(), all.failure());
        }
        Set<String> onBranch = new HashSet<>();
        paths.forEach(p -> onBranch.add(MonitorRenderer.schemaTag(p)));
        Set<String> readCleanly = new HashSet<>(onBranch);
        all.errors().forEach(e -> readCleanly.remove(MonitorRenderer.schemaTag(e.schemaPath())));
        List<ExistingMonitor> existing;
        try {
            existing = listed(
                    List.of(List.of(settings.monitors().envTag(), MonitorRenderer.repositoryTag(repository))),
                    all.monitors());
        } catch (MonitorStoreException e) {
            return unlisted(all.errors(), e);
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
        List<ExistingMonitor> existing;
        try {
            existing = listed(
                    scopeTags.stream()
                            .map(tag -> List.of(settings.monitors().envTag(), tag))
                            .toList(),
                    desired);
        } catch (MonitorStoreException e) {
            return unlisted(errors, e);
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

    /**
     * What Datadog has: the monitors carrying each set of tags, and each desired monitor found by its name (a monitor
     * created before it had our tags, or whose tags someone edited, is found again by name).
     *
     * @throws MonitorStoreException when a listing fails: nothing may be planned on a partial listing
     */
    private List<ExistingMonitor> listed(List<List<String>> tagQueries, List<MonitorDefinition> desired) {
        List<ExistingMonitor> existing = new ArrayList<>();
        for (List<String> tags : tagQueries) {
            existing.addAll(datadog.listByTags(tags));
        }
        Set<String> found = new HashSet<>();
        existing.forEach(e -> found.add(e.name()));
        for (MonitorDefinition d : desired) {
            if (!found.contains(d.name())) {
                existing.addAll(
                        datadog.listByName(d.name(), List.of(settings.monitors().envTag())));
            }
        }
        return existing;
    }

    private static Planned unlisted(List<SchemaError> errors, MonitorStoreException e) {
        return new Planned(
                Optional.empty(),
                errors,
                Optional.of("could not read the monitors in Datadog, so nothing was changed: " + e.getMessage()));
    }

    /** Writes the plan; a step that fails is recorded with Datadog's words and the others go on. */
    public List<StepOutcome> apply(Plan plan) {
        return PlanWriter.apply(datadog, plan);
    }
}
