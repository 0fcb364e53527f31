package io.autowatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code notify} per level, warning thresholds and priority, as Datadog's monitors and message variables take them. */
class SeverityRoutingTest {

    private static SchemaRecord record(String json) {
        return new SchemaRecord(
                "schemas/checkout.avdl",
                10,
                "CheckoutEvent",
                "com.shop.CheckoutEvent",
                Optional.of(new SchemaRecord.Annotation(false, Json.readObject(json), 9)),
                true);
    }

    private static MonitorAnnotations.Parsed parse(String json) {
        return MonitorAnnotations.parse(record(json), MonitorSettings.defaults());
    }

    private static MonitorDefinition render(String json) {
        var parsed = parse(json);
        assertThat(parsed.errors()).isEmpty();
        return MonitorRenderer.render(record(json), parsed.monitors().getFirst(), MonitorSettings.defaults());
    }

    private static List<String> errors(String json) {
        return parse(json).errors().stream().map(SchemaError::toString).toList();
    }

    @Test
    void aLowVolumeMonitor_warnsToSlackAndPagesOnCritical_inDatadogsConditionalBlocks() {
        MonitorDefinition d = render("""
                {"type": "low_volume", "threshold": 100, "warning_threshold": 500, "window": "1h", "priority": 1,
                 "notify": {"critical": ["@pagerduty-checkout"], "warning": ["@slack-checkout"]}}""");

        assertThat(d.query()).endsWith(" < 100");
        assertThat(d.options()).containsEntry("thresholds", Map.of("critical", 100L, "warning", 500L));
        assertThat(d.priority()).isEqualTo(1);
        assertThat(d.message())
                .contains("{{#is_warning}}Low Volume (warning): fewer than 500 CheckoutEvent events in 1h."
                        + "{{/is_warning}}")
                .endsWith("\n{{#is_alert}}@pagerduty-checkout{{/is_alert}}"
                        + "{{#is_alert_recovery}}@pagerduty-checkout{{/is_alert_recovery}}"
                        + "{{#is_no_data}}@pagerduty-checkout{{/is_no_data}}"
                        + "{{#is_no_data_recovery}}@pagerduty-checkout{{/is_no_data_recovery}}"
                        + "\n{{#is_warning}}@slack-checkout{{/is_warning}}"
                        + "{{#is_warning_recovery}}@slack-checkout{{/is_warning_recovery}}");
        assertThat(d.message().replaceAll("\\{\\{#is_(warning|warning_recovery)}}@slack-checkout", ""))
                .as("the pager's handle is never in a warning block")
                .doesNotContain("{{#is_warning}}@pagerduty");
    }

    @Test
    void anErrorRateMonitor_warnsBelowItsAlertRate() {
        MonitorDefinition d = render("""
                {"type": "error_rate", "percent": 5, "warning_percent": 1,
                 "notify": {"critical": ["@pagerduty-checkout"]}}""");

        assertThat(d.options())
                .containsEntry("thresholds", Map.of("critical", new BigDecimal("5"), "warning", new BigDecimal("1")));
        assertThat(d.message())
                .contains("{{#is_warning}}Error Rate (warning): more than 1% of CheckoutEvent events")
                .endsWith("{{#is_no_data_recovery}}@pagerduty-checkout{{/is_no_data_recovery}}");
    }

    @Test
    void theFlatList_isRenderedAsBefore_soExistingMonitorsDoNotChange() {
        MonitorDefinition d = render("{\"type\": \"low_volume\", \"threshold\": 100, \"notify\": [\"@slack-a\"]}");

        assertThat(d.message()).endsWith("\n\n@slack-a").doesNotContain("is_warning");
        assertThat(d.options()).containsEntry("thresholds", Map.of("critical", 100L));
    }

    @Test
    void eachMistake_namesFileLineAndWhatToWrite() {
        assertThat(errors("{\"type\": \"low_volume\", \"threshold\": 100, \"notify\": {\"critical\": [\"@p\"], "
                        + "\"warning\": [\"@slack-a\"]}}"))
                .containsExactly("schemas/checkout.avdl:9: record CheckoutEvent, @monitor: 'notify' names who is told"
                        + " at the 'warning' level, but this monitor never warns: add 'warning_threshold' (a count "
                        + "above 'threshold')");
        assertThat(errors("{\"type\": \"traffic_anomaly\", \"notify\": {\"warning\": [\"@slack-a\"]}}"))
                .anySatisfy(e -> assertThat(e).contains("name its handles under 'critical'"))
                .anySatisfy(e -> assertThat(e).contains("names nobody at the 'critical' level"));
        assertThat(errors("{\"type\": \"low_volume\", \"threshold\": 100, \"notify\": {\"critcal\": [\"@p\"]}}"))
                .anySatisfy(e -> assertThat(e).contains("'notify'").contains("critcal"));
        assertThat(errors("{\"type\": \"low_volume\", \"threshold\": 100, \"notify\": {\"critical\": [\"p-a\"]}}"))
                .anySatisfy(e -> assertThat(e)
                        .contains("'notify.critical' has 'p-a', which Datadog would not read as a handle"));
        assertThat(errors("{\"type\": \"low_volume\", \"threshold\": 100, \"warning_threshold\": 50}"))
                .singleElement()
                .satisfies(e -> assertThat(e).contains("'warning_threshold' (50) must be above 'threshold' (100)"));
        assertThat(errors("{\"type\": \"error_rate\", \"percent\": 1, \"warning_percent\": 5}"))
                .singleElement()
                .satisfies(e -> assertThat(e).contains("'warning_percent' (5) must be below 'percent' (1)"));
        assertThat(errors("{\"type\": \"error_rate\", \"percent\": 1, \"message\": \"{{#is_warning}}hide\"}"))
                .singleElement()
                .satisfies(e -> assertThat(e).contains("'message' has '{{' or '}}'"));
        assertThat(errors("{\"type\": \"error_rate\", \"percent\": 1, \"priority\": 7}"))
                .singleElement()
                .satisfies(e -> assertThat(e).contains("priority"));
    }
}
