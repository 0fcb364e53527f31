package io.autowatch.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.json.Json;
import io.autowatch.monitor.MonitorAnnotations;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorPlanner;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorSettings;
import io.autowatch.monitor.MonitorStore.MonitorStoreException;
import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.testing.fakes.FakeDatadog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatadogMonitorStoreTest {

    private final FakeDatadog datadog = new FakeDatadog();
    private final DatadogMonitorStore store = DatadogMonitorStore.create(
            FakeDatadog.API_KEY,
            FakeDatadog.APP_KEY,
            Optional.of(datadog.baseUrl()),
            "datadoghq.com",
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            2);

    @AfterEach
    void stop() {
        datadog.close();
    }

    private static MonitorDefinition definition(String record, String annotation) {
        SchemaRecord r = new SchemaRecord(
                "schemas/cart.avdl",
                3,
                record,
                "com.shop." + record,
                Optional.of(new SchemaRecord.Annotation(false, Json.readObject(annotation), 2)),
                true);
        return MonitorRenderer.render(
                r,
                MonitorAnnotations.parse(r, MonitorSettings.defaults())
                        .monitors()
                        .getFirst(),
                MonitorSettings.defaults());
    }

    private static final MonitorDefinition CART = definition("AddToCartEvent", "{\"type\": \"traffic_anomaly\"}");

    @Test
    void createdMonitors_areFoundByTagAndExactName_andReadBackUnchanged() {
        long id = store.create(CART);
        store.create(definition("AddToCartEventV2", "{\"type\": \"traffic_anomaly\"}"));
        assertThat(store.listByTags(List.of("esm-prod", MonitorRenderer.schemaTag("schemas/cart.avdl"))))
                .hasSize(2);
        var byName = store.listByName(CART.name(), List.of("esm-prod"));
        assertThat(byName).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(id));
        assertThat(MonitorPlanner.plan(List.of(CART), byName, Set.of(), "esm-prod")
                        .steps())
                .as("what Datadog returns compares equal to what was sent")
                .singleElement()
                .isInstanceOf(Plan.Unchanged.class);
    }

    @Test
    void update_replacesTheDefinition_andDelete_treats404AsDone() {
        long id = store.create(CART);
        MonitorDefinition changed = definition("AddToCartEvent", "{\"type\": \"traffic_anomaly\", \"deviations\": 4}");
        store.update(id, changed);
        assertThat(datadog.monitors()).singleElement().satisfies(m -> assertThat((String) m.get("query"))
                .contains("'agile', 4,"));
        store.delete(id);
        store.delete(id);
        assertThat(datadog.monitors()).isEmpty();
    }

    @Test
    void refusals_quoteDatadog() {
        datadog.refuseWhen(m -> "The value provided for parameter 'query' is invalid: unknown metric");
        assertThatThrownBy(() -> store.validate(CART)).isInstanceOfSatisfying(MonitorStoreException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage())
                    .contains("Datadog refused 'Traffic Anomaly with AddToCartEvent'")
                    .contains("unknown metric");
        });
    }

    @Test
    void rateLimits_areWaitedOut_asXRateLimitResetSays() {
        datadog.failNext(
                1,
                429,
                Map.of("X-RateLimit-Reset", "1", "X-RateLimit-Limit", "100"),
                "{\"errors\": [\"Rate limit exceeded\"]}");
        long started = System.nanoTime();
        assertThat(store.listByTags(List.of("esm-prod"))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(datadog.count("GET", "/api/v1/monitor")).isEqualTo(2);
    }

    @Test
    void persistentServerErrors_fail_afterRetries() {
        datadog.failNext(5, 500, Map.of("X-RateLimit-Reset", "0"), "{\"errors\": [\"Internal error\"]}");
        assertThatThrownBy(() -> store.create(CART)).isInstanceOfSatisfying(MonitorStoreException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).contains("creating 'Traffic Anomaly with AddToCartEvent' failed: HTTP 500");
        });
        assertThat(datadog.count("POST", "/api/v1/monitor")).isEqualTo(3);
    }

    @Test
    void aSlowReply_timesOut() {
        datadog.delay(3000);
        assertThatThrownBy(() -> store.listByTags(List.of("esm-prod"))).isInstanceOf(MonitorStoreException.class);
    }

    @Test
    void wrongKeys_areRefused() {
        var wrong = DatadogMonitorStore.create(
                "nope",
                "nope",
                Optional.of(datadog.baseUrl()),
                "datadoghq.com",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                0);
        assertThatThrownBy(() -> wrong.listByTags(List.of("esm-prod")))
                .isInstanceOfSatisfying(
                        MonitorStoreException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
