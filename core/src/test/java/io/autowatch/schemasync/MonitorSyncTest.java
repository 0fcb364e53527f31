package io.autowatch.schemasync;

import static io.autowatch.schemasync.JsonSchemaReader.broken;
import static io.autowatch.schemasync.JsonSchemaReader.file;
import static io.autowatch.schemasync.JsonSchemaReader.folder;
import static io.autowatch.schemasync.JsonSchemaReader.plain;
import static io.autowatch.schemasync.JsonSchemaReader.record;
import static io.autowatch.schemasync.SchemaSyncWorld.CART;
import static io.autowatch.schemasync.SchemaSyncWorld.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.schemasync.report.SyncResult.StepOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link MonitorSync} called directly: what planChange and plan touch, and how apply goes on past a failure. */
class MonitorSyncTest {

    private static final String ANOMALY = "{\"type\": \"traffic_anomaly\"}";
    private static final String LOW = "{\"type\": \"low_volume\", \"threshold\": 10}";
    private static final Set<String> CART_TAGS =
            Set.of(MonitorRenderer.schemaTag(CART), MonitorRenderer.legacySchemaTag(CART));
    private static final SchemaSource NOTHING = folder("nowhere", Map.of());

    private final InMemoryMonitorStore datadog = new InMemoryMonitorStore();
    private final JsonSchemaReader reader = new JsonSchemaReader();
    private final MonitorSync sync = new MonitorSync(reader, datadog, SyncSettings.defaults());

    private static SchemaSource cartAt(String where, String cartFile) {
        return folder(where, Map.of(CART, cartFile));
    }

    /** Datadog has the monitors of {@code cartFile}, as a pull request that added it registered them. */
    private void registeredByAPullRequest(String cartFile) {
        MonitorSync.Planned planned =
                sync.planChange(REPO, cartAt("at base", cartFile), List.of(CART), NOTHING, List.of(), CART_TAGS);
        assertThat(sync.apply(planned.plan().orElseThrow())).allMatch(StepOutcome::ok);
    }

    /** Datadog has the monitors of {@code cartFile}, as the CLI's plan of a folder would make them. */
    private void registeredFromAFolder(String cartFile) {
        MonitorSync.Planned planned = sync.plan(cartAt("in ./schemas", cartFile), List.of(CART), CART_TAGS);
        assertThat(sync.apply(planned.plan().orElseThrow())).allMatch(StepOutcome::ok);
    }

    private long idOf(String name) {
        return datadog.named(name).orElseThrow().id();
    }

    private static List<String> described(Plan plan) {
        return plan.steps().stream()
                .map(s -> s.getClass().getSimpleName() + " " + s.name())
                .toList();
    }

    @Test
    void planChange_touchesOnlyTheMonitorsWhoseAnnotationThePullRequestChanges() {
        String base = file(record("AEvent", 5, ANOMALY), record("BEvent", 9, LOW));
        registeredByAPullRequest(base);
        datadog.editQuery(idOf("Traffic Anomaly with AEvent"), "avg(last_1h):edited in Datadog > 1");
        String head = file(
                record("AEvent", 5, ANOMALY), record("BEvent", 9, "{\"type\": \"low_volume\", \"threshold\": 20}"));

        MonitorSync.Planned planned = sync.planChange(
                REPO, cartAt("at head", head), List.of(CART), cartAt("at base", base), List.of(CART), CART_TAGS);

        assertThat(planned.errors()).isEmpty();
        assertThat(planned.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .as("AEvent's annotation is as it was, so its monitor is left alone, drift and all")
                .singleElement()
                .isInstanceOfSatisfying(Plan.Update.class, u -> {
                    assertThat(u.name()).isEqualTo("Low Volume with BEvent");
                    assertThat(u.changes()).contains("query");
                }));
        assertThat(reader.reads()).endsWith(CART + " at head", CART + " at base");
    }

    @Test
    void planChange_ofAnAnnotationRemovedByThePullRequest_deletesOnlyThatMonitor() {
        String base = file(record("AEvent", 5, ANOMALY), record("BEvent", 9, LOW));
        registeredByAPullRequest(base);

        MonitorSync.Planned planned = sync.planChange(
                REPO,
                cartAt("at head", file(record("AEvent", 5, ANOMALY), plain("BEvent", 9))),
                List.of(CART),
                cartAt("at base", base),
                List.of(CART),
                CART_TAGS);

        assertThat(planned.plan())
                .hasValueSatisfying(
                        p -> assertThat(p.steps()).singleElement().isInstanceOfSatisfying(Plan.Delete.class, d -> {
                            assertThat(d.name()).isEqualTo("Low Volume with BEvent");
                            assertThat(d.reason()).isEqualTo("no longer annotated in schemas/cart.avdl");
                        }));
    }

    @Test
    void planChange_ofAFileWithAnErrorAtTheHead_showsNoDeleteForItsMonitors_andReportsTheError() {
        String base = file(record("AEvent", 5, ANOMALY), record("BEvent", 9, LOW));
        registeredByAPullRequest(base);

        MonitorSync.Planned planned = sync.planChange(
                REPO,
                cartAt("at head", broken(3, "unknown monitor type 'low_volum'")),
                List.of(CART),
                cartAt("at base", base),
                List.of(CART),
                CART_TAGS);

        assertThat(planned.errors()).isNotEmpty();
        assertThat(planned.plan())
                .hasValueSatisfying(p -> assertThat(p.count(Plan.Delete.class)).isZero());
    }

    @Test
    void planChange_aBaseFileThatCannotBeRead_neverCausesADelete_andIsNotReported() {
        registeredByAPullRequest(file(record("AEvent", 5, ANOMALY)));

        MonitorSync.Planned planned = sync.planChange(
                REPO,
                cartAt("at head", file(plain("AEvent", 5))),
                List.of(CART),
                cartAt("at base", "this is not what the reader can read"),
                List.of(CART),
                CART_TAGS);

        assertThat(planned.errors()).isEmpty();
        assertThat(planned.plan()).hasValueSatisfying(p -> assertThat(p.steps()).isEmpty());
    }

    @Test
    void twoPullRequestsOnOneFile_doNotUndoEachOthersMonitors() {
        SchemaSyncWorld world = new SchemaSyncWorld();
        int first = world.openPullRequest(Map.of(CART, file(record("AEvent", 5, LOW))));
        world.comment(first, "owner", "esm register");
        world.merge(first);
        int addsB = world.openPullRequest(Map.of(CART, file(record("AEvent", 5, LOW), record("BEvent", 9, LOW))));
        int addsC = world.openPullRequest(Map.of(CART, file(record("AEvent", 5, LOW), record("CEvent", 9, LOW))));

        world.comment(addsB, "owner", "esm register");
        SyncResult second = world.comment(addsC, "owner", "esm register");

        assertThat(second.plan()).hasValueSatisfying(p -> assertThat(described(p))
                .as("BEvent is not in C's change, so C's pull request does not delete it")
                .containsExactly("Create Low Volume with CEvent"));
        assertThat(world.datadog.names())
                .containsExactly("Low Volume with AEvent", "Low Volume with BEvent", "Low Volume with CEvent");
        assertThat(world.datadog.writes()).noneMatch(w -> w.startsWith("delete "));
    }

    @Test
    void plan_ofAFolder_repairsEveryMonitor_andDeletesTheOnesNoAnnotationAsksFor() {
        registeredFromAFolder(file(record("AEvent", 5, ANOMALY), record("BEvent", 9, LOW)));
        datadog.editQuery(idOf("Traffic Anomaly with AEvent"), "avg(last_1h):edited in Datadog > 1");

        MonitorSync.Planned planned =
                sync.plan(cartAt("in ./schemas", file(record("AEvent", 5, ANOMALY))), List.of(CART), CART_TAGS);

        assertThat(planned.plan()).hasValueSatisfying(p -> assertThat(described(p))
                .containsExactly("Update Traffic Anomaly with AEvent", "Delete Low Volume with BEvent"));
    }

    @Test
    void apply_aFailedWrite_isRecordedForItsStep_andTheOtherStepsGoOn() {
        registeredFromAFolder(file(record("CEvent", 13, LOW), record("OldEvent", 17, LOW)));
        long c = idOf("Low Volume with CEvent");
        String query = datadog.named("Low Volume with CEvent").orElseThrow().query();
        datadog.editQuery(c, "sum(last_1h):edited in Datadog < 1");
        datadog.failWritesOf("Low Volume with AEvent", 500);
        Plan plan = sync.plan(
                        cartAt(
                                "in ./schemas",
                                file(record("AEvent", 5, LOW), record("BEvent", 9, LOW), record("CEvent", 13, LOW))),
                        List.of(CART),
                        CART_TAGS)
                .plan()
                .orElseThrow();

        List<StepOutcome> outcomes = sync.apply(plan);

        assertThat(outcomes)
                .extracting(o -> o.step().getClass().getSimpleName() + " "
                        + o.step().name() + ": " + o.error().orElse("ok"))
                .containsExactly(
                        "Create Low Volume with AEvent: Datadog answered 500 for 'Low Volume with AEvent' (injected)",
                        "Create Low Volume with BEvent: ok",
                        "Update Low Volume with CEvent: ok",
                        "Delete Low Volume with OldEvent: ok");
        assertThat(datadog.names()).containsExactly("Low Volume with BEvent", "Low Volume with CEvent");
        assertThat(datadog.named("Low Volume with CEvent").orElseThrow().query())
                .isEqualTo(query);
    }

    @Test
    void apply_anAnomalyMonitorThatDatadogRefuses_isExplained() {
        datadog.failWritesOf("Traffic Anomaly with AEvent", 403);
        Plan plan = sync.plan(cartAt("in ./schemas", file(record("AEvent", 5, ANOMALY))), List.of(CART), CART_TAGS)
                .plan()
                .orElseThrow();

        List<StepOutcome> outcomes = sync.apply(plan);

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.error())
                .hasValue("Datadog answered 403 for 'Traffic Anomaly with AEvent' (injected) (Datadog creates anomaly "
                        + "monitors through its API only on some plans: if yours is not one, use low_volume or "
                        + "error_rate instead)"));
        assertThat(datadog.monitors()).isEmpty();
    }
}
