package io.autowatch.schemasync;

import io.autowatch.monitor.MonitorAnnotations;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorSettings;
import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The monitors that annotated records ask for: each annotation validated and rendered, name clashes refused. */
public final class DesiredMonitors {

    private DesiredMonitors() {}

    /** The monitors, and the problems that keep some of them from being made. */
    public record Desired(List<MonitorDefinition> monitors, List<SchemaError> errors) {
        public Desired {
            monitors = List.copyOf(monitors);
            errors = List.copyOf(errors);
        }
    }

    public static Desired from(List<SchemaRecord> records, MonitorSettings settings) {
        List<SchemaError> errors = new ArrayList<>();
        Map<String, MonitorDefinition> byName = new LinkedHashMap<>();
        for (SchemaRecord record : records) {
            MonitorAnnotations.Parsed parsed = MonitorAnnotations.parse(record, settings);
            errors.addAll(parsed.errors());
            for (var spec : parsed.monitors()) {
                MonitorDefinition d = MonitorRenderer.render(record, spec, settings);
                MonitorDefinition twin = byName.putIfAbsent(d.name(), d);
                if (twin != null) {
                    errors.add(new SchemaError(
                            record.schemaPath(),
                            record.line(),
                            "record " + record.fullName()
                                    + " would create '" + d.name() + "', which " + twin.recordName() + " in "
                                    + twin.schemaPath() + " creates too; monitor names come from the record's simple "
                                    + "name, so rename one of them"));
                }
            }
        }
        return new Desired(List.copyOf(byName.values()), errors);
    }
}
