package io.autowatch.monitor;

import io.autowatch.monitor.MonitorSpec.Common;
import io.autowatch.monitor.MonitorSpec.ErrorRate;
import io.autowatch.monitor.MonitorSpec.LowVolume;
import io.autowatch.monitor.MonitorSpec.TrafficAnomaly;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates monitor annotations. Nothing reaches a Datadog query or tag without passing here: every field
 * is checked for its JSON type and range, unknown fields are errors (a typo must not pass silently), and handles
 * and tags must be what Datadog would parse.
 *
 * <pre>
 * &#64;monitor({"type": "traffic_anomaly", "deviations": 3, "notify": ["&#64;slack-cart"]})
 * &#64;monitors([{"type": "low_volume", "threshold": 100}, {"type": "error_rate", "percent": 5}])
 * </pre>
 */
public final class MonitorAnnotations {

    static final Set<String> COMMON_FIELDS = Set.of("type", "priority", "notify", "tags", "message");
    static final Map<MonitorType, Set<String>> TYPE_FIELDS = Map.of(
            MonitorType.TRAFFIC_ANOMALY, Set.of("algorithm", "deviations", "direction", "alert_window", "seasonality"),
            MonitorType.LOW_VOLUME, Set.of("threshold", "warning_threshold", "window"),
            MonitorType.ERROR_RATE, Set.of("percent", "warning_percent", "window"));

    /** Tags the tool writes itself: a schema may not set them. */
    private static final Set<String> RESERVED_TAG_KEYS = Set.of("managed-by", "esm-record", "esm-schema", "esm-repo");

    private static final int MAX_MESSAGE = 2000;

    private MonitorAnnotations() {}

    /** The monitors a record asks for, and what is wrong with its annotation. */
    public record Parsed(List<MonitorSpec> monitors, List<SchemaError> errors) {
        public Parsed {
            monitors = List.copyOf(monitors);
            errors = List.copyOf(errors);
        }
    }

    /**
     * The record's own monitors, plus the deployment's generic monitors if it is a top-level record (its own
     * annotation wins for a type both name).
     */
    public static Parsed parse(SchemaRecord record, MonitorSettings settings) {
        List<SchemaError> errors = new ArrayList<>();
        Map<MonitorType, MonitorSpec> byType = new LinkedHashMap<>();
        record.annotation().ifPresent(annotation -> {
            Context context = new Context(record, annotation.spelling(), annotation.line(), errors);
            List<?> items = items(annotation, context);
            for (int i = 0; i < items.size(); i++) {
                // Each element of @monitors([...]) is reported at its own line.
                Context element = new Context(record, annotation.spelling(), annotation.lineOf(i), errors);
                spec(items.get(i), element).ifPresent(spec -> {
                    if (byType.putIfAbsent(spec.type(), spec) != null) {
                        element.error("asks for two '" + spec.type().wireName() + "' monitors; a record can have one "
                                + "of each type, since the type names the monitor");
                    }
                });
            }
        });
        if (record.topLevel() && errors.isEmpty()) {
            Context generic = new Context(record, "ESM_GENERIC_MONITORS", record.line(), errors);
            for (Object item : settings.genericMonitors()) {
                spec(item, generic).ifPresent(spec -> byType.putIfAbsent(spec.type(), spec));
            }
        }
        return new Parsed(errors.isEmpty() ? List.copyOf(byType.values()) : List.of(), errors);
    }

    /** Checks the deployment's generic monitors once, at start-up. */
    public static void validateGeneric(List<Object> generic) {
        SchemaRecord probe = new SchemaRecord("ESM_GENERIC_MONITORS", 0, "Probe", "Probe", Optional.empty(), true);
        List<SchemaError> errors = new ArrayList<>();
        Context context = new Context(probe, "ESM_GENERIC_MONITORS", 0, errors);
        generic.forEach(item -> spec(item, context));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.getFirst().message());
        }
    }

    private static List<?> items(SchemaRecord.Annotation annotation, Context context) {
        Object value = annotation.value();
        if (!annotation.plural()) {
            return List.of(value);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return list;
        }
        context.error("@monitors takes a non-empty list of monitor objects, e.g. @monitors([{\"type\": "
                + "\"traffic_anomaly\"}]), got " + ErrorWording.describe(value));
        return List.of();
    }

    private static Optional<MonitorSpec> spec(Object item, Context context) {
        if (!(item instanceof Map<?, ?> map)) {
            context.error("a monitor must be a JSON object such as {\"type\": \"traffic_anomaly\"}, got "
                    + ErrorWording.describe(item));
            return Optional.empty();
        }
        AnnotationFields fields = new AnnotationFields(map, context::error);
        Optional<String> typeName = fields.requiredText("type");
        if (typeName.isEmpty()) {
            return Optional.empty();
        }
        Optional<MonitorType> type = MonitorType.parse(typeName.get());
        if (type.isEmpty()) {
            context.error("unknown monitor type '" + typeName.get() + "'"
                    + ErrorWording.suggestion(
                            typeName.get(),
                            TYPE_FIELDS.keySet().stream()
                                    .map(MonitorType::wireName)
                                    .toList())
                    + "; known types: " + MonitorType.known());
            return Optional.empty();
        }
        Set<String> allowed = new TreeSet<>(COMMON_FIELDS);
        allowed.addAll(TYPE_FIELDS.get(type.get()));
        fields.rejectUnknown(allowed, "type '" + type.get().wireName() + "'");
        int errorsBefore = context.errors.size();
        Common common = new Common(
                fields.wholeNumber("priority", 1, 5).orElse(3L).intValue(),
                Routing.parse(fields, context::error),
                tags(fields, "tags", context),
                message(fields, context));
        MonitorSpec spec =
                switch (type.get()) {
                    case TRAFFIC_ANOMALY -> {
                        String algorithm = fields.choice("algorithm", List.of("basic", "agile", "robust"))
                                .orElse("agile");
                        Optional<String> seasonality =
                                fields.choice("seasonality", List.of("hourly", "daily", "weekly"));
                        if (algorithm.equals("basic") && seasonality.isPresent()) {
                            context.error(
                                    "'seasonality' applies to the 'agile' and 'robust' algorithms, not to 'basic'");
                        }
                        yield new TrafficAnomaly(
                                algorithm,
                                fields.number("deviations", BigDecimal.ONE, BigDecimal.valueOf(6), false)
                                        .orElse(BigDecimal.valueOf(2)),
                                fields.choice("direction", List.of("both", "above", "below"))
                                        .orElse("both"),
                                // Datadog accepts anomaly trigger windows of 15 minutes and more; the query shows the
                                // last 4 hours.
                                fields.window("alert_window", Window.M15, Window.H4)
                                        .orElse(Window.M15),
                                algorithm.equals("basic") ? "" : seasonality.orElse("weekly"),
                                common);
                    }
                    case LOW_VOLUME -> {
                        long threshold = fields.requiredWholeNumber("threshold", 1, 1_000_000_000_000L)
                                .orElse(1L);
                        Optional<Long> warning = fields.wholeNumber("warning_threshold", 1, 1_000_000_000_000L);
                        // Fewer events is worse: the warning comes first, at a higher count.
                        warning.filter(w -> w <= threshold)
                                .ifPresent(w -> context.error("'warning_threshold' (" + w + ") must be above "
                                        + "'threshold' (" + threshold + "): the monitor warns first, below the "
                                        + "higher count, and alerts below the lower one"));
                        yield new LowVolume(
                                threshold,
                                warning,
                                fields.window("window", Window.D1).orElse(Window.H1),
                                common);
                    }
                    case ERROR_RATE -> {
                        BigDecimal percent = fields.requiredNumber(
                                        "percent", BigDecimal.ZERO, BigDecimal.valueOf(100), true)
                                .orElse(BigDecimal.ONE);
                        Optional<BigDecimal> warning =
                                fields.number("warning_percent", BigDecimal.ZERO, BigDecimal.valueOf(100), true);
                        warning.filter(w -> w.compareTo(percent) >= 0)
                                .ifPresent(w -> context.error("'warning_percent' (" + w.toPlainString()
                                        + ") must be below 'percent' (" + percent.toPlainString()
                                        + "): the monitor warns first, above the lower rate, and alerts above the "
                                        + "higher one"));
                        yield new ErrorRate(
                                percent,
                                warning,
                                fields.window("window", Window.D1).orElse(Window.M15),
                                common);
                    }
                };
        if (!common.routing().warning().isEmpty() && !spec.warns()) {
            context.error("'notify' names who is told at the 'warning' level, but this monitor never warns: "
                    + switch (spec.type()) {
                        case LOW_VOLUME -> "add 'warning_threshold' (a count above 'threshold')";
                        case ERROR_RATE -> "add 'warning_percent' (a rate below 'percent')";
                        case TRAFFIC_ANOMALY ->
                            "an anomaly monitor has one level, so name its handles under " + "'critical'";
                    });
        }
        return context.errors.size() == errorsBefore ? Optional.of(spec) : Optional.empty();
    }

    /** Where errors are reported: file, line, record, annotation. */
    private record Context(SchemaRecord record, String source, int line, List<SchemaError> errors) {
        void error(String message) {
            errors.add(new SchemaError(
                    record.schemaPath(), line, "record " + record.name() + ", " + source + ": " + message));
        }
    }

    private static List<String> tags(AnnotationFields fields, String name, Context context) {
        List<String> result = new ArrayList<>();
        for (String tag : fields.strings(name, 20)) {
            String lower = tag.toLowerCase(Locale.ROOT);
            String key = lower.contains(":") ? lower.substring(0, lower.indexOf(':')) : lower;
            if (!MonitorSettings.TAG.matcher(lower).matches()) {
                context.error("'" + name + "' has '" + tag + "', which is not a Datadog tag: letters, digits, "
                        + "_ - : . /, starting with a letter, at most 200 characters");
            } else if (RESERVED_TAG_KEYS.contains(key)) {
                context.error("'" + name + "' has '" + tag + "', but '" + key + "' is a tag autowatch sets itself");
            } else {
                result.add(lower);
            }
        }
        return result;
    }

    /**
     * Datadog notifies every {@code @handle} it finds in a monitor's message, so a handle there would bypass the
     * checks on {@code notify}: the message may hold none.
     */
    private static String message(AnnotationFields fields, Context context) {
        String message = fields.text("message", MAX_MESSAGE).orElse("");
        if (message.contains("@")) {
            context.error("'message' has '@', which Datadog would read as a notification handle: put handles in "
                    + "'notify', where they are checked");
            return "";
        }
        if (message.contains("{{") || message.contains("}}")) {
            context.error("'message' has '{{' or '}}', which Datadog would read as a template variable and could "
                    + "hide who is told; write the text without them");
            return "";
        }
        return message;
    }
}
