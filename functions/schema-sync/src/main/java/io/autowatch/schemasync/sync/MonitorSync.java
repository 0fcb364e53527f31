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
import io.autowatch.schemasync.sync.SyncResult.StepOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The core of schema sync, wherever the schemas come from: read the files (with their imports), turn their
 * annotations into monitors, list what Datadog has, plan; and apply a plan. Used by the pull-request commands and by
 * the local CLI's {@code plan}, so both show the same plan.
 */
public final class MonitorSync {

    private static final Log LOG = Log.of(MonitorSync.class);
    private static final int MAX_FILES = 200;

    private final MonitorStore datadog;
    private final SyncSettings settings;

    public MonitorSync(MonitorStore datadog, SyncSettings settings) {
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
                    .sorted(Comparator.comparing(SchemaError::schemaPath).thenComparingInt(SchemaError::line)).toList();
        }
    }

    /**
     * @param paths     the schema files to read (as they are now)
     * @param scopeTags the schema tags whose existing monitors are in scope (these files, plus removed and renamed
     *                  ones' old paths): a monitor there that is no longer desired is deleted
     */
    public Planned plan(SchemaSource source, List<String> paths, Set<String> scopeTags) {
        List<SchemaError> errors = new ArrayList<>();
        List<MonitorDefinition> desired = desired(source, paths, errors);
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
            return new Planned(Optional.empty(), errors, Optional.of(
                    "could not read the monitors in Datadog, so nothing was changed: " + e.getMessage()));
        }
        return new Planned(Optional.of(MonitorPlanner.plan(desired, existing, scopeTags,
                settings.monitors().envTag())), errors, Optional.empty());
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
                error = Optional.of(e.getMessage());
                LOG.warn("monitor_write_failed", "monitor", step.name(), "error", e.getMessage());
            }
            outcomes.add(new StepOutcome(step, error));
        }
        return outcomes;
    }

    /** Reads the files (with their imports) into a temporary folder and turns their annotations into monitors. */
    private List<MonitorDefinition> desired(SchemaSource source, List<String> paths, List<SchemaError> errors) {
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
            fetch(source, paths, root, errors);
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
    private static void fetch(SchemaSource source, List<String> paths, Path root, List<SchemaError> errors) {
        Deque<String[]> queue = new ArrayDeque<>();
        paths.forEach(p -> queue.add(new String[] {p, null}));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_FILES) {
            String[] next = queue.poll();
            String path = next[0];
            String importer = next[1];
            if (!seen.add(path)) {
                continue;
            }
            Optional<byte[]> content = source.read(path);
            if (content.isEmpty()) {
                errors.add(new SchemaError(importer == null ? path : importer, 0, importer == null
                        ? "the file does not exist " + source.where()
                        : "imports '" + path + "', which does not exist " + source.where()));
                continue;
            }
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root)) {
                errors.add(new SchemaError(importer == null ? path : importer, 0, "import '" + path
                        + "' points outside the repository"));
                continue;
            }
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, content.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (path.endsWith(".avdl")) {
                Path folder = Path.of(path).getParent();
                for (String imported : AvroSchemaReader.imports(new String(content.get(), StandardCharsets.UTF_8))) {
                    String resolved = (folder == null ? Path.of(imported) : folder.resolve(imported)).normalize()
                            .toString().replace('\\', '/');
                    queue.add(new String[] {resolved, path});
                }
            }
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is cleaned with the execution environment.
        }
    }
}
