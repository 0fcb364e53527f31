package io.autowatch.monitor;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Deployment-wide settings of the schema-sync function. Everything here may reach a Datadog query or tag, so it is
 * validated once, at start-up.
 *
 * @param envTag           marks the monitors this deployment owns ({@code MONITOR_ENV_TAG}, default {@code esm-prod})
 * @param eventCountMetric count of events published, per record ({@code ESM_EVENT_COUNT_METRIC})
 * @param errorCountMetric count of serialization failures, per record ({@code ESM_ERROR_COUNT_METRIC})
 * @param eventTagKey      the tag whose value names the record on both metrics ({@code ESM_EVENT_TAG_KEY})
 * @param genericMonitors  monitors every event record gets, written as annotation objects
 *                         ({@code ESM_GENERIC_MONITORS}, a JSON array; empty by default)
 */
public record MonitorSettings(
        String envTag,
        String eventCountMetric,
        String errorCountMetric,
        String eventTagKey,
        List<Object> genericMonitors) {

    public static final String DEFAULT_ENV_TAG = "esm-prod";
    public static final String DEFAULT_EVENT_COUNT_METRIC = "esm.events.published";
    public static final String DEFAULT_ERROR_COUNT_METRIC = "esm.events.serialization_errors";
    public static final String DEFAULT_EVENT_TAG_KEY = "event";

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.]{0,199}");
    static final Pattern TAG = Pattern.compile("[a-z][a-z0-9_\\-:./]{0,199}");
    private static final Pattern TAG_KEY = Pattern.compile("[a-z][a-z0-9_\\-./]{0,99}");

    public MonitorSettings {
        Objects.requireNonNull(envTag, "envTag");
        require(
                TAG.matcher(envTag).matches(),
                "MONITOR_ENV_TAG",
                envTag,
                "a Datadog tag: lower-case letters, digits, _ - : . /, starting with a letter");
        require(
                METRIC.matcher(eventCountMetric).matches(),
                "ESM_EVENT_COUNT_METRIC",
                eventCountMetric,
                "a metric name: letters, digits, _ and ., starting with a letter");
        require(
                METRIC.matcher(errorCountMetric).matches(),
                "ESM_ERROR_COUNT_METRIC",
                errorCountMetric,
                "a metric name: letters, digits, _ and ., starting with a letter");
        require(
                TAG_KEY.matcher(eventTagKey).matches(),
                "ESM_EVENT_TAG_KEY",
                eventTagKey,
                "a tag key: lower-case letters, digits, _ - . /, starting with a letter");
        genericMonitors = List.copyOf(genericMonitors);
    }

    public static MonitorSettings defaults() {
        return new MonitorSettings(
                DEFAULT_ENV_TAG,
                DEFAULT_EVENT_COUNT_METRIC,
                DEFAULT_ERROR_COUNT_METRIC,
                DEFAULT_EVENT_TAG_KEY,
                List.of());
    }

    public MonitorSettings withGenericMonitors(List<Object> monitors) {
        return new MonitorSettings(envTag, eventCountMetric, errorCountMetric, eventTagKey, monitors);
    }

    private static void require(boolean ok, String variable, String value, String what) {
        if (!ok) {
            throw new IllegalArgumentException(variable + " must be " + what + ", not '" + value + "'");
        }
    }
}
