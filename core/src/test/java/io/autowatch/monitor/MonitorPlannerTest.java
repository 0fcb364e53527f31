package io.autowatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.json.Json;
import io.autowatch.monitor.Plan.Conflict;
import io.autowatch.monitor.Plan.Create;
import io.autowatch.monitor.Plan.Delete;
import io.autowatch.monitor.Plan.Unchanged;
import io.autowatch.monitor.Plan.Update;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitorPlannerTest {

    private static final String ENV = "esm-prod";
    private static final Set<String> TOUCHED = Set.of(MonitorRenderer.schemaTag("schemas/cart.avdl"));

    private static MonitorDefinition desired(String record, String annotation) {
        SchemaRecord r = new SchemaRecord(
                "schemas/cart.avdl",
                10,
                record,
                "com.shop." + record,
                Optional.of(new SchemaRecord.Annotation(false, Json.readObject(annotation), 9)),
                true);
        return MonitorRenderer.render(
                r,
                MonitorAnnotations.parse(r, MonitorSettings.defaults())
                        .monitors()
                        .getFirst(),
                MonitorSettings.defaults());
    }

    private static final MonitorDefinition CART = desired("AddToCartEvent", "{\"type\": \"traffic_anomaly\"}");

    /** The monitor as Datadog would return it after creating {@code d}: normalized the way Datadog does. */
    private static ExistingMonitor asDatadogReturnsIt(long id, MonitorDefinition d) {
        Map<String, Object> options = new HashMap<>(d.options());
        options.put("thresholds", Map.of("critical", 1.0, "critical_recovery", 0.0, "warning", "ignored-null"));
        options.put("thresholds", Map.of("critical", 1.0, "critical_recovery", 0.0));
        options.put("notify_audit", false);
        options.put("new_host_delay", 300);
        options.put("silenced", Map.of());
        List<String> tags = new ArrayList<>(d.tags());
        Collections.reverse(tags);
        return new ExistingMonitor(
                id,
                d.name(),
                "metric alert",
                d.query().replace(", ", ",  "),
                d.message() + "\n",
                tags,
                Optional.of(d.priority()),
                options);
    }

    private static ExistingMonitor with(
            ExistingMonitor e, String query, List<String> tags, Optional<Integer> priority) {
        return new ExistingMonitor(e.id(), e.name(), e.type(), query, e.message(), tags, priority, e.options());
    }

    @Test
    void nothingExists_everythingIsCreated() {
        MonitorDefinition low = desired("AddToCartEvent", "{\"type\": \"low_volume\", \"threshold\": 5}");
        Plan plan = MonitorPlanner.plan(List.of(low, CART), List.of(), TOUCHED, ENV);
        assertThat(plan.steps())
                .extracting(s -> s.getClass().getSimpleName() + " " + s.name())
                .containsExactly("Create Low Volume with AddToCartEvent", "Create Traffic Anomaly with AddToCartEvent");
        assertThat(plan.changesAnything()).isTrue();
    }

    @Test
    void whatDatadogNormalized_isNotAChange() {
        Plan plan = MonitorPlanner.plan(List.of(CART), List.of(asDatadogReturnsIt(7, CART)), TOUCHED, ENV);
        assertThat(plan.steps()).singleElement().isEqualTo(new Unchanged(7, CART));
        assertThat(plan.changesAnything()).isFalse();
    }

    @Test
    void aChangedAnnotation_updatesAndSaysWhatChanged() {
        MonitorDefinition changed = desired(
                "AddToCartEvent",
                "{\"type\": \"traffic_anomaly\", \"deviations\": 3, \"priority\": 1, \"tags\": [\"team:cart\"]}");
        Plan plan = MonitorPlanner.plan(List.of(changed), List.of(asDatadogReturnsIt(7, CART)), TOUCHED, ENV);
        assertThat(plan.steps()).singleElement().isInstanceOfSatisfying(Update.class, u -> {
            assertThat(u.id()).isEqualTo(7);
            assertThat(u.changes())
                    .as("the message names the deviations")
                    .containsExactly("query", "message", "tags", "priority");
        });
    }

    @Test
    void changedThresholdsOrMessageOrType_areChanges() {
        MonitorDefinition low5 = desired("AddToCartEvent", "{\"type\": \"low_volume\", \"threshold\": 5}");
        MonitorDefinition low9 =
                desired("AddToCartEvent", "{\"type\": \"low_volume\", \"threshold\": 9, \"message\": \"see runbook\"}");
        ExistingMonitor existing = new ExistingMonitor(
                3,
                low5.name(),
                "service check",
                low9.query(),
                low5.message(),
                low9.tags(),
                Optional.of(3),
                Map.of(
                        "thresholds",
                        Map.of("critical", 5.0),
                        "notify_no_data",
                        true,
                        "no_data_timeframe",
                        120,
                        "include_tags",
                        true,
                        "require_full_window",
                        false));
        Plan plan = MonitorPlanner.plan(List.of(low9), List.of(existing), TOUCHED, ENV);
        assertThat(((Update) plan.steps().getFirst()).changes())
                .containsExactly("type", "message", "options.thresholds");
    }

    @Test
    void aMissingPriorityOrOption_isAChange() {
        ExistingMonitor bare = with(asDatadogReturnsIt(7, CART), CART.query(), CART.tags(), Optional.empty());
        Map<String, Object> options = new HashMap<>(bare.options());
        options.remove("threshold_windows");
        bare = new ExistingMonitor(
                7, bare.name(), bare.type(), bare.query(), bare.message(), bare.tags(), Optional.empty(), options);
        assertThat(((Update) MonitorPlanner.plan(List.of(CART), List.of(bare), TOUCHED, ENV)
                                .steps()
                                .getFirst())
                        .changes())
                .containsExactly("priority", "options.threshold_windows");
    }

    @Test
    void aMonitorNoLongerAnnotatedInATouchedFile_isDeleted_othersAreLeftAlone() {
        MonitorDefinition gone = desired("CheckoutEvent", "{\"type\": \"traffic_anomaly\"}");
        ExistingMonitor removed = asDatadogReturnsIt(9, gone);
        MonitorDefinition elsewhere = desired("SearchEvent", "{\"type\": \"traffic_anomaly\"}");
        ExistingMonitor otherFile = with(
                asDatadogReturnsIt(11, elsewhere),
                elsewhere.query(),
                List.of(ENV, "managed-by:autowatch", "esm-schema:schemas/search.avdl"),
                Optional.of(3));
        Plan plan = MonitorPlanner.plan(
                List.of(CART), List.of(asDatadogReturnsIt(7, CART), removed, otherFile), TOUCHED, ENV);
        assertThat(plan.steps()).hasSize(2).contains(new Unchanged(7, CART));
        assertThat(plan.steps())
                .filteredOn(s -> s instanceof Delete)
                .singleElement()
                .isInstanceOfSatisfying(Delete.class, d -> {
                    assertThat(d.existing().id()).isEqualTo(9);
                    assertThat(d.reason()).isEqualTo("no longer annotated in schemas/cart.avdl");
                });
    }

    @Test
    void everyAnnotationRemovedFromATouchedFile_deletesAllItsMonitors() {
        Plan plan = MonitorPlanner.plan(List.of(), List.of(asDatadogReturnsIt(7, CART)), TOUCHED, ENV);
        assertThat(plan.steps()).singleElement().isInstanceOf(Delete.class);
    }

    @Test
    void twoMonitorsWithOneNameAndTag_areAConflict_andNothingIsWritten() {
        Plan plan = MonitorPlanner.plan(
                List.of(CART), List.of(asDatadogReturnsIt(12, CART), asDatadogReturnsIt(7, CART)), TOUCHED, ENV);
        assertThat(plan.steps()).singleElement().isInstanceOfSatisfying(Conflict.class, c -> {
            assertThat(c.ids()).containsExactly(7L, 12L);
            assertThat(c.reason()).contains("share this name and tag");
        });
        assertThat(plan.changesAnything()).isFalse();
    }

    @Test
    void monitorsWithoutTheEnvTag_belongToSomeoneElse() {
        ExistingMonitor staging = with(
                asDatadogReturnsIt(5, CART),
                CART.query(),
                List.of("esm-staging", MonitorRenderer.schemaTag("schemas/cart.avdl")),
                Optional.of(3));
        Plan plan = MonitorPlanner.plan(List.of(CART), List.of(staging), TOUCHED, ENV);
        assertThat(plan.steps()).singleElement().isInstanceOf(Create.class);
        assertThat(MonitorPlanner.plan(List.of(), List.of(staging), TOUCHED, ENV)
                        .steps())
                .isEmpty();
    }

    @Test
    void theSameMonitorListedTwice_countsOnce() {
        Plan plan = MonitorPlanner.plan(
                List.of(CART), List.of(asDatadogReturnsIt(7, CART), asDatadogReturnsIt(7, CART)), TOUCHED, ENV);
        assertThat(plan.steps()).singleElement().isInstanceOf(Unchanged.class);
    }

    private static ExistingMonitor ownedBy(long id, MonitorDefinition d, String schemaTag) {
        List<String> tags = new ArrayList<>(
                d.tags().stream().filter(t -> !t.startsWith("esm-schema:")).toList());
        tags.add(schemaTag);
        return new ExistingMonitor(
                id, d.name(), d.type(), d.query(), d.message(), tags, Optional.of(d.priority()), d.options());
    }

    @Test
    void schemaTags_ofPathsThatLookAlike_areDistinct_andFitDatadog() {
        Set<String> tags = new HashSet<>();
        for (String path : List.of(
                "schemas/a b.avdl",
                "schemas/a_b.avdl",
                "Schemas/Cart.avdl",
                "schemas/cart.avdl",
                "s/" + "x".repeat(250) + "1.avdl",
                "s/" + "x".repeat(250) + "2.avdl")) {
            String tag = MonitorRenderer.schemaTag(path);
            assertThat(tag).hasSizeLessThanOrEqualTo(200).matches("[a-z0-9_\\-:./]+");
            assertThat(MonitorRenderer.isExactSchemaTag(tag)).isTrue();
            tags.add(tag);
        }
        assertThat(tags).hasSize(6);
        assertThat(MonitorRenderer.isExactSchemaTag(MonitorRenderer.legacySchemaTag("schemas/a b.avdl")))
                .isFalse();
    }

    @Test
    void aMonitorOwnedByAnUntouchedFile_isAConflict_notTakenOver() {
        ExistingMonitor ofOtherFile = ownedBy(7, CART, MonitorRenderer.schemaTag("schemas/other.avdl"));
        Plan plan = MonitorPlanner.plan(List.of(CART), List.of(ofOtherFile), TOUCHED, ENV);
        assertThat(plan.steps()).singleElement().isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.reason())
                .contains("belongs to schemas/other.avdl, which this pull request does not change"));
        assertThat(plan.changesAnything()).isFalse();
    }

    @Test
    void aMonitorOfAFileWithALookAlikeName_isNeitherDeletedNorTakenOver() {
        // schemas/a_b.avdl's monitor: the pull request touches only schemas/a b.avdl, which no longer has the record.
        Set<String> touched = Set.of(
                MonitorRenderer.schemaTag("schemas/a b.avdl"), MonitorRenderer.legacySchemaTag("schemas/a b.avdl"));
        ExistingMonitor ofLookAlike = ownedBy(7, CART, MonitorRenderer.schemaTag("schemas/a_b.avdl"));
        assertThat(MonitorPlanner.plan(List.of(), List.of(ofLookAlike), touched, ENV)
                        .steps())
                .isEmpty();
    }

    @Test
    void aMonitorWithOnlyALegacyTag_isMovedToTheExactTag_butNeverDeletedByIt() {
        ExistingMonitor legacy = ownedBy(7, CART, MonitorRenderer.legacySchemaTag("schemas/cart.avdl"));
        Set<String> touched = Set.of(
                MonitorRenderer.schemaTag("schemas/cart.avdl"), MonitorRenderer.legacySchemaTag("schemas/cart.avdl"));
        assertThat(MonitorPlanner.plan(List.of(CART), List.of(legacy), touched, ENV)
                        .steps())
                .singleElement()
                .isInstanceOfSatisfying(
                        Update.class, u -> assertThat(u.changes()).containsExactly("tags"));
        assertThat(MonitorPlanner.plan(List.of(), List.of(legacy), touched, ENV).steps())
                .isEmpty();
    }
}
