package io.autowatch.monitor;

import io.autowatch.digest.Sha256;
import io.autowatch.monitor.MonitorSpec.ErrorRate;
import io.autowatch.monitor.MonitorSpec.LowVolume;
import io.autowatch.monitor.MonitorSpec.TrafficAnomaly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a validated spec into the Datadog monitor it stands for. Queries are built only from validated parts:
 * metric names and the tag key from {@link MonitorSettings}, the record's name (an Avro identifier), and numbers and
 * choices that {@link MonitorAnnotations} checked.
 */
public final class MonitorRenderer {

    /** Every managed monitor carries this tag, beside the deployment's env tag. */
    public static final String MANAGED_TAG = "managed-by:autowatch";

    public static final String RECORD_TAG_KEY = "esm-record";
    public static final String REPOSITORY_TAG_KEY = "esm-repo";
    public static final String SCHEMA_TAG_KEY = "esm-schema";
    public static final String TYPE = "query alert";

    private MonitorRenderer() {}

    public static MonitorDefinition render(SchemaRecord record, MonitorSpec spec, MonitorSettings settings) {
        String scope = "{" + settings.eventTagKey() + ":" + record.name().toLowerCase(Locale.ROOT) + "}";
        String events = "sum:" + settings.eventCountMetric() + scope + ".as_count()";
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("include_tags", true);
        options.put("require_full_window", false);
        String query;
        String what;
        switch (spec) {
            case TrafficAnomaly a -> {
                int minutes = a.alertWindow().minutes();
                String evaluation = minutes <= 30 ? "last_4h" : minutes <= 120 ? "last_12h" : "last_1d";
                int interval = minutes <= 30 ? 60 : minutes <= 120 ? 300 : 900;
                query = "avg(" + evaluation + "):anomalies(" + events + ", '" + a.algorithm() + "', "
                        + a.deviations().toPlainString() + ", direction='" + a.direction() + "', interval=" + interval
                        + ", alert_window='" + a.alertWindow().datadog() + "', count_default_zero='true'"
                        + (a.seasonality().isEmpty() ? "" : ", seasonality='" + a.seasonality() + "'") + ") >= 1";
                options.put("thresholds", Map.of("critical", 1, "critical_recovery", 0));
                options.put(
                        "threshold_windows",
                        Map.of(
                                "trigger_window",
                                a.alertWindow().datadog(),
                                "recovery_window",
                                a.alertWindow().datadog()));
                options.put("notify_no_data", false);
                what = "the number of " + record.name() + " events left its usual range ("
                        + a.algorithm() + " anomaly detection, "
                        + a.deviations().toPlainString() + " deviations, "
                        + direction(a.direction()) + ", over " + a.alertWindow().text() + ")";
            }
            case LowVolume l -> {
                query = "sum(" + l.window().datadog() + "):" + events + " < " + l.threshold();
                options.put("thresholds", thresholds(l.threshold(), l.warning()));
                // No events at all means no data points: that is the loudest case of low volume.
                options.put("notify_no_data", true);
                options.put("no_data_timeframe", Math.max(10, 2 * l.window().minutes()));
                what = "fewer than " + l.threshold() + " " + record.name() + " events in "
                        + l.window().text();
            }
            case ErrorRate e -> {
                query = "sum(" + e.window().datadog() + "):100 * sum:" + settings.errorCountMetric() + scope
                        + ".as_count() / " + events + " > " + e.percent().toPlainString();
                options.put("thresholds", thresholds(e.percent(), e.warningPercent()));
                options.put("notify_no_data", false);
                what = "more than " + e.percent().toPlainString() + "% of " + record.name()
                        + " events failed to serialize in " + e.window().text();
            }
        }
        String name = spec.type().monitorName(record.name());
        return new MonitorDefinition(
                name,
                TYPE,
                query,
                message(record, spec, what),
                tags(record, spec, settings),
                spec.common().priority(),
                options,
                record.schemaPath(),
                record.fullName());
    }

    private static String direction(String direction) {
        return switch (direction) {
            case "above" -> "alerting above only";
            case "below" -> "alerting below only";
            default -> "alerting above and below";
        };
    }

    private static String message(SchemaRecord record, MonitorSpec spec, String what) {
        StringBuilder message = new StringBuilder();
        message.append("{{#is_alert}}")
                .append(spec.type().title())
                .append(": ")
                .append(what)
                .append(".{{/is_alert}}\n")
                .append(warningText(record, spec))
                .append("{{#is_recovery}}")
                .append(record.name())
                .append(" events are back to normal.{{/is_recovery}}\n");
        if (!spec.common().message().isBlank()) {
            message.append('\n').append(spec.common().message().strip()).append('\n');
        }
        message.append("\nDefined in `")
                .append(inert(record.schemaPath()))
                .append("` (record `")
                .append(inert(record.fullName()))
                .append("`) and managed by autowatch: change it there and comment `esm register` on a pull request. "
                        + "Edits made in Datadog are overwritten.");
        return message.append(spec.common().routing().render()).toString();
    }

    /** Datadog's thresholds: the critical one (the query's), and a warning one when the annotation sets it. */
    private static Map<String, Object> thresholds(Object critical, Optional<?> warning) {
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("critical", critical);
        warning.ifPresent(w -> thresholds.put("warning", w));
        return thresholds;
    }

    /** What the warning says, when the monitor has a warning level (nothing otherwise: the message stays as it was). */
    private static String warningText(SchemaRecord record, MonitorSpec spec) {
        String what =
                switch (spec) {
                    case LowVolume l ->
                        l.warning()
                                .map(w -> "fewer than " + w + " " + record.name() + " events in "
                                        + l.window().text())
                                .orElse("");
                    case ErrorRate e ->
                        e.warningPercent()
                                .map(w -> "more than " + w.toPlainString() + "% of " + record.name()
                                        + " events failed to serialize in "
                                        + e.window().text())
                                .orElse("");
                    case TrafficAnomaly a -> "";
                };
        return what.isEmpty()
                ? ""
                : "{{#is_warning}}" + spec.type().title() + " (warning): " + what + ".{{/is_warning}}\n";
    }

    private static List<String> tags(SchemaRecord record, MonitorSpec spec, MonitorSettings settings) {
        TreeSet<String> tags = new TreeSet<>(spec.common().tags());
        tags.add(settings.envTag());
        tags.add(MANAGED_TAG);
        tags.add(recordTag(record.fullName()));
        tags.add(schemaTag(record.schemaPath()));
        return new ArrayList<>(tags);
    }

    /**
     * The tag of the repository whose schemas define a monitor: what a push to that repository's default branch
     * reconciles, so that one deployment can serve several repositories. GitHub's names (letters, digits,
     * {@code - _ .}) are case-insensitive, so lower-casing keeps it exact.
     */
    public static String repositoryTag(String repository) {
        return tagOf(REPOSITORY_TAG_KEY, repository);
    }

    /**
     * A path or name made safe for a Datadog message: Datadog notifies every {@code @handle} in it, even in code,
     * and a backtick would end the code span, so both are replaced by look-alikes.
     */
    static String inert(String text) {
        return text.replace('@', '＠').replace('`', 'ˋ');
    }

    /** The monitor with the repository's tag added. */
    public static MonitorDefinition inRepository(MonitorDefinition d, String repository) {
        TreeSet<String> tags = new TreeSet<>(d.tags());
        tags.add(repositoryTag(repository));
        return new MonitorDefinition(
                d.name(),
                d.type(),
                d.query(),
                d.message(),
                List.copyOf(tags),
                d.priority(),
                d.options(),
                d.schemaPath(),
                d.recordName());
    }

    public static String recordTag(String fullName) {
        return tagOf(RECORD_TAG_KEY, fullName);
    }

    /**
     * The tag that finds every monitor a schema file defines; how a removed record's monitors are found again, and
     * which file owns a monitor. Exact: the readable part is lossy (Datadog lower-cases tags, keeps few characters,
     * and cuts at 200), so a hash of the exact path ends it, and {@code a b.avdl}, {@code a_b.avdl} and
     * {@code A_B.avdl} get three tags.
     */
    public static String schemaTag(String schemaPath) {
        String hash = Sha256.hex(schemaPath).substring(0, 16);
        String readable = schemaPath.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-:./]", "_");
        int room = 200 - SCHEMA_TAG_KEY.length() - 1 - 2 - hash.length();
        return SCHEMA_TAG_KEY + ":" + (readable.length() <= room ? readable : readable.substring(0, room)) + "--"
                + hash;
    }

    /**
     * The schema tag monitors got before 0.2.0 (lossy: files could share one). Used only to find those monitors,
     * so that registering again moves them to the exact tag; never to delete.
     */
    public static String legacySchemaTag(String schemaPath) {
        return tagOf(SCHEMA_TAG_KEY, schemaPath);
    }

    /** Whether a tag is an exact schema tag (one that may decide a delete). */
    public static boolean isExactSchemaTag(String tag) {
        return tag.startsWith(SCHEMA_TAG_KEY + ":") && tag.matches(".*--[0-9a-f]{16}");
    }

    private static String tagOf(String key, String value) {
        // Datadog lower-cases tags and keeps only letters, digits and _ - : . /; a tag is at most 200 characters.
        String clean = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-:./]", "_");
        String tag = key + ":" + clean;
        return tag.length() <= 200 ? tag : tag.substring(0, 200);
    }
}
