package io.autowatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.json.Json;
import io.autowatch.monitor.MonitorSpec.ErrorRate;
import io.autowatch.monitor.MonitorSpec.LowVolume;
import io.autowatch.monitor.MonitorSpec.TrafficAnomaly;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonitorAnnotationsTest {

    private static final MonitorSettings SETTINGS = MonitorSettings.defaults();

    /** A record at line 10 of schemas/cart.avdl whose annotation is {@code json}, written on line 9. */
    private static SchemaRecord record(boolean plural, String json) {
        Object value = Json.readObject("{\"v\": " + json + "}").get("v");
        return new SchemaRecord(
                "schemas/cart.avdl",
                10,
                "AddToCartEvent",
                "com.shop.AddToCartEvent",
                Optional.of(new SchemaRecord.Annotation(plural, value, 9)),
                true);
    }

    private static MonitorAnnotations.Parsed monitor(String json) {
        return MonitorAnnotations.parse(record(false, json), SETTINGS);
    }

    private static List<String> errors(String json) {
        return monitor(json).errors().stream().map(SchemaError::toString).toList();
    }

    @Test
    void trafficAnomaly_withOnlyAType_takesTheDocumentedDefaults() {
        var parsed = monitor("{\"type\": \"traffic_anomaly\"}");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.monitors()).singleElement().isInstanceOfSatisfying(TrafficAnomaly.class, a -> {
            assertThat(a.algorithm()).isEqualTo("agile");
            assertThat(a.deviations()).isEqualByComparingTo("2");
            assertThat(a.direction()).isEqualTo("both");
            assertThat(a.alertWindow()).isEqualTo(Window.M15);
            assertThat(a.seasonality()).isEqualTo("weekly");
            assertThat(a.common().priority()).isEqualTo(3);
            assertThat(a.common().handles()).isEmpty();
        });
    }

    @Test
    void monitors_readsOneOfEachType_withEveryField() {
        var parsed = MonitorAnnotations.parse(record(true, """
                [{"type": "traffic_anomaly", "algorithm": "robust", "deviations": 3.5, "direction": "below",
                  "alert_window": "30m", "seasonality": "daily", "priority": 1,
                  "notify": ["@slack-cart-alerts", "@pagerduty-Checkout_Service", "@jane.doe@example.com"],
                  "tags": ["Team:Cart"], "message": "Runbook: https://wiki/cart"},
                 {"type": "low_volume", "threshold": 100, "window": "1h"},
                 {"type": "error_rate", "percent": 0.5, "window": "30m"}]"""), SETTINGS);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.monitors()).hasSize(3);
        TrafficAnomaly a = (TrafficAnomaly) parsed.monitors().get(0);
        assertThat(a.deviations()).isEqualByComparingTo("3.5");
        assertThat(a.common().handles()).hasSize(3);
        assertThat(a.common().tags()).containsExactly("team:cart");
        assertThat(((LowVolume) parsed.monitors().get(1)).threshold()).isEqualTo(100);
        assertThat(((ErrorRate) parsed.monitors().get(2)).percent()).isEqualByComparingTo("0.5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"type\": \"traffic_anomoly\"}| unknown monitor type 'traffic_anomoly'; did you mean 'traffic_anomaly'?",
                "{\"type\": \"traffic_anomaly\", \"devations\": 3}| unknown field 'devations' for type 'traffic_anomaly'; did you mean 'deviations'?",
                "{\"type\": \"traffic_anomaly\", \"threshold\": 3}| unknown field 'threshold' for type 'traffic_anomaly'",
                "{\"deviations\": 3}| 'type' is required",
                "{\"type\": 7}| 'type' must be a string, got 7 (a number)",
                "{\"type\": \"traffic_anomaly\", \"priority\": \"high\"}| 'priority' must be a whole number from 1 to 5, got \"high\" (a string)",
                "{\"type\": \"traffic_anomaly\", \"priority\": 0}| 'priority' must be a whole number from 1 to 5, got 0",
                "{\"type\": \"traffic_anomaly\", \"priority\": 2.5}| 'priority' must be a whole number from 1 to 5, got 2.5",
                "{\"type\": \"traffic_anomaly\", \"deviations\": \"3\"}| 'deviations' must be a number from 1 to 6, got \"3\" (a string)",
                "{\"type\": \"traffic_anomaly\", \"deviations\": 7}| 'deviations' must be a number from 1 to 6, got 7",
                "{\"type\": \"traffic_anomaly\", \"direction\": \"up\"}| 'direction' must be one of [both, above, below], got 'up'",
                "{\"type\": \"traffic_anomaly\", \"algorithm\": \"agile', 9\"}| 'algorithm' must be one of [basic, agile, robust]",
                "{\"type\": \"traffic_anomaly\", \"direction\": \"both') OR x\"}| 'direction' must be one of [both, above, below]",
                "{\"type\": \"traffic_anomaly\", \"alert_window\": \"1d\"}| 'alert_window' must be one of '15m', '30m', '1h', '2h', '4h', got '1d'",
                "{\"type\": \"traffic_anomaly\", \"alert_window\": \"5m\"}| 'alert_window' must be one of '15m', '30m', '1h', '2h', '4h', got '5m'",
                "{\"type\": \"traffic_anomaly\", \"algorithm\": \"basic\", \"seasonality\": \"daily\"}| 'seasonality' applies to the 'agile' and 'robust' algorithms",
                "{\"type\": \"low_volume\"}| 'threshold' is required: a whole number from 1 to",
                "{\"type\": \"low_volume\", \"threshold\": 0}| 'threshold' must be a whole number from 1 to",
                "{\"type\": \"low_volume\", \"threshold\": 10, \"window\": \"7m\"}| 'window' must be one of '5m'",
                "{\"type\": \"error_rate\"}| 'percent' is required: a number above 0 and at most 100",
                "{\"type\": \"error_rate\", \"percent\": 0}| 'percent' must be a number above 0 and at most 100, got 0",
                "{\"type\": \"error_rate\", \"percent\": 101}| 'percent' must be a number above 0 and at most 100, got 101",
                "{\"type\": \"error_rate\", \"percent\": true}| 'percent' must be a number above 0 and at most 100, got true (a boolean)",
                "{\"type\": \"traffic_anomaly\", \"notify\": \"@slack-cart\"}| 'notify' must be a list of strings",
                "{\"type\": \"traffic_anomaly\", \"notify\": [\"slack-cart\"]}| 'notify' has 'slack-cart', which Datadog would not read as a handle",
                "{\"type\": \"traffic_anomaly\", \"notify\": [\"@slack cart\"]}| 'notify' has '@slack cart'",
                "{\"type\": \"traffic_anomaly\", \"notify\": [\"@{{x}}\"]}| 'notify' has '@{{x}}'",
                "{\"type\": \"traffic_anomaly\", \"tags\": [\"bad tag!\"]}| 'tags' has 'bad tag!', which is not a Datadog tag",
                "{\"type\": \"traffic_anomaly\", \"tags\": [\"1team\"]}| 'tags' has '1team', which is not a Datadog tag",
                "{\"type\": \"traffic_anomaly\", \"tags\": [\"managed-by:me\"]}| 'managed-by' is a tag autowatch sets itself",
                "{\"type\": \"traffic_anomaly\", \"message\": 5}| 'message' must be a string",
                "{\"type\": \"traffic_anomaly\", \"message\": \"Runbook. @webhook-anything\"}| 'message' has '@'",
                "{\"type\": \"traffic_anomaly\", \"message\": \"{{#is_alert}}@pagerduty-Ops{{/is_alert}}\"}| put handles in 'notify'",
                "[{\"type\": \"traffic_anomaly\"}]| a monitor must be a JSON object such as {\"type\": \"traffic_anomaly\"}, got a list",
            })
    void badAnnotations_sayExactlyWhatIsWrong_withFileLineAndRecord(String json, String message) {
        assertThat(errors(json)).anySatisfy(e -> assertThat(e)
                .startsWith("schemas/cart.avdl:9: record AddToCartEvent, @monitor: ")
                .contains(message.strip()));
        assertThat(monitor(json).monitors()).isEmpty();
    }

    @Test
    void aLongMessage_isRejected() {
        assertThat(errors("{\"type\": \"traffic_anomaly\", \"message\": \"" + "x".repeat(2001) + "\"}"))
                .singleElement()
                .asString()
                .contains("'message' is 2001 characters long; at most 2000");
    }

    @Test
    void monitorsAnnotation_mustBeANonEmptyList_andTypesMayNotRepeat() {
        assertThat(MonitorAnnotations.parse(record(true, "{\"type\": \"low_volume\", \"threshold\": 1}"), SETTINGS)
                        .errors())
                .singleElement()
                .asString()
                .contains("@monitors takes a non-empty list");
        assertThat(MonitorAnnotations.parse(record(true, "[]"), SETTINGS).errors())
                .hasSize(1);
        var twice = MonitorAnnotations.parse(
                record(
                        true,
                        "[{\"type\": \"low_volume\", \"threshold\": 1}, {\"type\": \"low_volume\", \"threshold\": 2}]"),
                SETTINGS);
        assertThat(twice.errors()).singleElement().asString().contains("asks for two 'low_volume' monitors");
        assertThat(twice.monitors()).as("nothing half-applied").isEmpty();
    }

    @Test
    void oneBadMonitor_holdsBackTheRecordsOtherMonitors() {
        var parsed = MonitorAnnotations.parse(
                record(true, "[{\"type\": \"traffic_anomaly\"}, {\"type\": \"low_volume\", \"threshold\": -1}]"),
                SETTINGS);
        assertThat(parsed.errors()).hasSize(1);
        assertThat(parsed.monitors()).isEmpty();
    }

    @Test
    void genericMonitors_applyToTopLevelRecords_andTheRecordsOwnTypeWins() {
        MonitorSettings generic = SETTINGS.withGenericMonitors(List.of(
                Json.readObject("{\"type\": \"error_rate\", \"percent\": 1}"),
                Json.readObject("{\"type\": \"traffic_anomaly\", \"deviations\": 4}")));
        var own =
                MonitorAnnotations.parse(record(false, "{\"type\": \"traffic_anomaly\", \"deviations\": 2}"), generic);
        assertThat(own.monitors())
                .extracting(MonitorSpec::type)
                .containsExactly(MonitorType.TRAFFIC_ANOMALY, MonitorType.ERROR_RATE);
        assertThat(((TrafficAnomaly) own.monitors().getFirst()).deviations()).isEqualByComparingTo("2");

        var unannotated = new SchemaRecord(
                "schemas/cart.avdl", 20, "CheckoutEvent", "com.shop.CheckoutEvent", Optional.empty(), true);
        assertThat(MonitorAnnotations.parse(unannotated, generic).monitors()).hasSize(2);
        var part = new SchemaRecord("schemas/cart.avdl", 30, "Address", "com.shop.Address", Optional.empty(), false);
        assertThat(MonitorAnnotations.parse(part, generic).monitors())
                .as("not an event")
                .isEmpty();
        assertThat(MonitorAnnotations.parse(record(false, "{\"type\": \"nope\"}"), generic)
                        .monitors())
                .isEmpty();
    }

    @Test
    void genericMonitors_areCheckedAtStartUp() {
        assertThatThrownBy(() -> MonitorAnnotations.validateGeneric(List.of(Json.readObject("{\"type\": \"x\"}"))))
                .hasMessageContaining("ESM_GENERIC_MONITORS")
                .hasMessageContaining("unknown monitor type 'x'");
        assertThatThrownBy(() -> new MonitorSettings("ESM PROD", "a.b", "c.d", "event", List.of()))
                .hasMessageContaining("MONITOR_ENV_TAG");
        assertThatThrownBy(() -> new MonitorSettings("esm-prod", "a.b{*}", "c.d", "event", List.of()))
                .hasMessageContaining("ESM_EVENT_COUNT_METRIC");
    }

    @Test
    void anErrorInAMonitorsList_isReportedAtTheElementsLine() {
        SchemaRecord record = new SchemaRecord(
                "schemas/cart.avdl",
                14,
                "AddToCartEvent",
                "com.shop.AddToCartEvent",
                Optional.of(new SchemaRecord.Annotation(
                        true,
                        List.of(Map.of("type", "low_volume", "threshold", 10), Map.of("type", "error_rat")),
                        9,
                        List.of(10, 12))),
                true);
        assertThat(MonitorAnnotations.parse(record, MonitorSettings.defaults()).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(12));
    }
}
