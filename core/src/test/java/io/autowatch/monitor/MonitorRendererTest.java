package io.autowatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.json.Json;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorRendererTest {

    private static MonitorDefinition render(String json) {
        SchemaRecord record = new SchemaRecord(
                "schemas/cart.avdl",
                10,
                "AddToCartEvent",
                "com.shop.AddToCartEvent",
                Optional.of(new SchemaRecord.Annotation(false, Json.readObject(json), 9)),
                true);
        var parsed = MonitorAnnotations.parse(record, MonitorSettings.defaults());
        assertThat(parsed.errors()).isEmpty();
        return MonitorRenderer.render(record, parsed.monitors().getFirst(), MonitorSettings.defaults());
    }

    @Test
    void trafficAnomaly_isAnAnomalyMonitorOnTheEventCount() {
        MonitorDefinition d = render("{\"type\": \"traffic_anomaly\", \"deviations\": 3, \"direction\": \"below\", "
                + "\"priority\": 2, \"notify\": [\"@slack-cart\"]}");
        assertThat(d.name()).isEqualTo("Traffic Anomaly with AddToCartEvent");
        assertThat(d.type()).isEqualTo("query alert");
        assertThat(d.query())
                .isEqualTo("avg(last_4h):anomalies(sum:esm.events.published{event:addtocartevent}"
                        + ".as_count(), 'agile', 3, direction='below', interval=60, alert_window='last_15m', "
                        + "count_default_zero='true', seasonality='weekly') >= 1");
        assertThat(d.options())
                .containsEntry("thresholds", Map.of("critical", 1, "critical_recovery", 0))
                .containsEntry(
                        "threshold_windows", Map.of("trigger_window", "last_15m", "recovery_window", "last_15m"));
        assertThat(d.priority()).isEqualTo(2);
        assertThat(d.tags())
                .containsExactly(
                        "esm-prod",
                        "esm-record:com.shop.addtocartevent",
                        MonitorRenderer.schemaTag("schemas/cart.avdl"),
                        "managed-by:autowatch");
        assertThat(d.message())
                .contains("Defined in `schemas/cart.avdl` (record `com.shop.AddToCartEvent`)")
                .contains("esm register")
                .endsWith("@slack-cart");
    }

    @Test
    void trafficAnomaly_withALongWindowOrBasicAlgorithm_adjustsEvaluationAndSeasonality() {
        MonitorDefinition d =
                render("{\"type\": \"traffic_anomaly\", \"alert_window\": \"1h\", \"algorithm\": \"basic\"}");
        assertThat(d.query())
                .startsWith("avg(last_12h):anomalies(")
                .contains("'basic', 2,")
                .contains("interval=300")
                .contains("alert_window='last_1h'")
                .doesNotContain("seasonality");
    }

    @Test
    void lowVolume_isASumBelowAThreshold_andNoDataAlerts() {
        MonitorDefinition d = render("{\"type\": \"low_volume\", \"threshold\": 100, \"window\": \"30m\"}");
        assertThat(d.name()).isEqualTo("Low Volume with AddToCartEvent");
        assertThat(d.query())
                .isEqualTo("sum(last_30m):sum:esm.events.published{event:addtocartevent}.as_count() < 100");
        assertThat(d.options())
                .containsEntry("notify_no_data", true)
                .containsEntry("no_data_timeframe", 60)
                .containsEntry("thresholds", Map.of("critical", 100L));
    }

    @Test
    void errorRate_isFailuresOverEvents() {
        MonitorDefinition d = render("{\"type\": \"error_rate\", \"percent\": 2.5}");
        assertThat(d.query())
                .isEqualTo("sum(last_15m):100 * sum:esm.events.serialization_errors{event:addtocartevent}"
                        + ".as_count() / sum:esm.events.published{event:addtocartevent}.as_count() > 2.5");
        assertThat(d.name()).isEqualTo("Error Rate with AddToCartEvent");
    }

    @Test
    void schemaTag_keepsOnlyWhatDatadogAllows() {
        assertThat(MonitorRenderer.schemaTag("Schemas/My Cart+v2.avdl"))
                .matches("esm-schema:schemas/my_cart_v2\\.avdl--[0-9a-f]{16}");
        assertThat(MonitorRenderer.legacySchemaTag("Schemas/My Cart+v2.avdl"))
                .isEqualTo("esm-schema:schemas/my_cart_v2.avdl");
        assertThat(MonitorRenderer.schemaTag("a/" + "b".repeat(300))).hasSize(200);
    }

    @Test
    void aHandleOrBacktickInTheSchemaPath_neverReachesTheMessage() {
        SchemaRecord r = new SchemaRecord(
                "schemas/@attacker@evil.com/x`y.avdl",
                10,
                "AddToCartEvent",
                "com.shop.AddToCartEvent",
                Optional.of(new SchemaRecord.Annotation(false, Json.readObject("{\"type\": \"traffic_anomaly\"}"), 9)),
                true);
        MonitorDefinition d = MonitorRenderer.render(
                r,
                MonitorAnnotations.parse(r, MonitorSettings.defaults())
                        .monitors()
                        .getFirst(),
                MonitorSettings.defaults());
        assertThat(d.message()).doesNotContain("@attacker", "x`y").contains("＠attacker");
    }
}
