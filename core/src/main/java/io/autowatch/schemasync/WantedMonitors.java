package io.autowatch.schemasync;

import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The monitors that schema files ask for, read through the {@link SchemaReader} port, within the command's caps. */
final class WantedMonitors {

    private final SchemaReader reader;
    private final SyncSettings settings;

    WantedMonitors(SchemaReader reader, SyncSettings settings) {
        this.reader = reader;
        this.settings = settings;
    }

    /** What the files ask for, or why they were not read whole. */
    record Wanted(
            List<MonitorDefinition> monitors,
            List<SchemaError> errors,
            Optional<String> failure,
            List<SchemaRecord> records) {
        Wanted(List<MonitorDefinition> monitors, List<SchemaError> errors, Optional<String> failure) {
            this(monitors, errors, failure, List.of());
        }
    }

    Wanted read(SchemaSource source, List<String> paths, Optional<String> repository) {
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
        return new Wanted(monitors, errors, Optional.empty(), read.records());
    }

    private static Wanted tooMany(String found, String cap, List<SchemaError> errors) {
        return new Wanted(
                List.of(),
                errors,
                Optional.of("the changed schema files ask for " + found + "; one command handles at most " + cap
                        + ", so nothing was planned. Split the pull request."));
    }
}
