package io.autowatch.schemasync;

import static io.autowatch.schemasync.JsonSchemaReader.broken;
import static io.autowatch.schemasync.JsonSchemaReader.file;
import static io.autowatch.schemasync.JsonSchemaReader.record;
import static io.autowatch.schemasync.JsonSchemaReader.records;
import static io.autowatch.schemasync.SchemaSyncWorld.CART;
import static io.autowatch.schemasync.SchemaSyncWorld.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.InMemoryPullRequests.Reaction;
import io.autowatch.schemasync.InMemoryPullRequests.Status;
import io.autowatch.schemasync.PullRequests.CommitState;
import io.autowatch.schemasync.report.StatusComment;
import io.autowatch.schemasync.report.SyncResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pull-request commands that are carried out: plan, register, help; and what stops a register from writing. */
class SchemaSyncCommandsTest {

    private static final String CONTEXT = SchemaSyncService.STATUS_CONTEXT;
    private static final String ANOMALY = "{\"type\": \"traffic_anomaly\"}";
    private static final String LOW = "{\"type\": \"low_volume\", \"threshold\": 10}";
    private static final String BOTH = "[" + ANOMALY + ", " + LOW + "]";

    private final SchemaSyncWorld world = new SchemaSyncWorld();

    private static Map<String, String> cart(String annotation) {
        return Map.of(CART, file(record("AddToCartEvent", 5, annotation)));
    }

    private String head(int pr) {
        return world.github.pullRequest(pr).headSha();
    }

    /** The main branch has {@code files}, registered from a merged pull request. */
    private void registeredOnMain(Map<String, String> files) {
        int pr = world.openPullRequest(files);
        assertThat(world.comment(pr, "owner", "esm register").failed()).isFalse();
        world.merge(pr);
    }

    @Test
    void plan_byAReader_writesNothing_andPostsThePlanInTheStatusCommentAndACommitStatus() {
        int pr = world.openPullRequest(cart(ANOMALY));

        SyncResult result = world.comment(pr, "reader", "esm plan");

        assertThat(result.failed()).isFalse();
        assertThat(result.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .singleElement()
                .isInstanceOfSatisfying(
                        Plan.Create.class, c -> assertThat(c.name()).isEqualTo("Traffic Anomaly with AddToCartEvent")));
        assertThat(result.applied()).isEmpty();
        assertThat(world.datadog.writes()).isEmpty();
        assertThat(world.datadog.monitors()).isEmpty();
        assertThat(world.reader.reads()).as("read at the head").containsExactly(CART + " at a000002");
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .startsWith(StatusComment.MARKER)
                .contains("### autowatch: plan (nothing applied)")
                .contains("`esm plan` by @reader at `a000002`")
                .contains("| `Traffic Anomaly with AddToCartEvent` | create | new, from `schemas/cart.avdl` |"));
        assertThat(world.github.statuses())
                .containsExactly(new Status(
                        head(pr),
                        CommitState.SUCCESS,
                        CONTEXT,
                        "plan: 1 to create, 0 to update, 0 to delete, 0 unchanged"));
        assertThat(world.github.reactions()).extracting(Reaction::content).containsExactly("eyes");
    }

    @Test
    void help_explainsTheCommands_andReadsAndWritesNothing() {
        int pr = world.openPullRequest(cart(ANOMALY));

        SyncResult result = world.comment(pr, "reader", "esm help");

        assertThat(result.failed()).isFalse();
        assertThat(world.reader.reads()).isEmpty();
        assertThat(world.datadog.writes()).isEmpty();
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .contains("### autowatch: how to use it")
                .contains("| `esm register` | makes Datadog match the annotations"));
        assertThat(world.github.statuses()).as("help is about no commit").isEmpty();
    }

    @Test
    void register_byAWriter_createsTheMonitors_andASecondRegisterChangesNothing() {
        int pr = world.openPullRequest(Map.of(CART, file(records("AddToCartEvent", 5, BOTH))));

        SyncResult first = world.comment(pr, "owner", "esm register");

        assertThat(first.failed()).isFalse();
        assertThat(world.datadog.writes())
                .containsExactly("create Low Volume with AddToCartEvent", "create Traffic Anomaly with AddToCartEvent");
        assertThat(world.datadog.monitors()).allSatisfy(m -> assertThat(m.tags())
                .contains(
                        "esm-prod",
                        MonitorRenderer.MANAGED_TAG,
                        MonitorRenderer.schemaTag(CART),
                        MonitorRenderer.repositoryTag(REPO)));
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .contains("### autowatch: registered ✅")
                .contains("| `Low Volume with AddToCartEvent` | created |"));
        assertThat(world.github.lastStatus().description())
                .isEqualTo("registered: 2 created, 0 updated, 0 deleted, 0 unchanged");

        SyncResult second = world.comment(pr, "owner", "esm register");

        assertThat(second.failed()).isFalse();
        assertThat(second.applied()).isEmpty();
        assertThat(second.plan())
                .hasValueSatisfying(p -> assertThat(p.steps()).hasSize(2).allMatch(Plan.Unchanged.class::isInstance));
        assertThat(world.datadog.writes()).hasSize(2);
        assertThat(world.github.statusComment(pr))
                .hasValueSatisfying(body -> assertThat(body).contains("No changes: Datadog already matches"));
        assertThat(world.github.lastStatus().description())
                .isEqualTo("registered: 0 created, 0 updated, 0 deleted, 2 unchanged");
    }

    @Test
    void register_ofAChangedAnnotation_updatesThatMonitorInPlace() {
        registeredOnMain(cart(ANOMALY));
        long id = world.datadog
                .named("Traffic Anomaly with AddToCartEvent")
                .orElseThrow()
                .id();

        SyncResult result =
                world.commentOnNew(cart("{\"type\": \"traffic_anomaly\", \"deviations\": 3}"), "owner", "esm register");

        assertThat(result.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .singleElement()
                .isInstanceOfSatisfying(
                        Plan.Update.class, u -> assertThat(u.changes()).containsExactly("query", "message")));
        assertThat(world.datadog.writes()).endsWith("update Traffic Anomaly with AddToCartEvent");
        assertThat(world.datadog.monitors()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.query()).contains("'agile', 3,");
        });
    }

    @Test
    void planOnly_register_writesNothing_andSaysWhy() {
        world.runWith(SyncSettings.defaults(), true);
        int pr = world.openPullRequest(cart(ANOMALY));

        SyncResult result = world.comment(pr, "owner", "esm register");

        assertThat(result.failed()).isFalse();
        assertThat(result.applied()).isEmpty();
        assertThat(result.notice()).hasValue("plan only: no Datadog keys are configured, so nothing was applied");
        assertThat(world.datadog.writes()).isEmpty();
        assertThat(world.datadog.monitors()).isEmpty();
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .contains("### autowatch: plan (nothing applied)")
                .contains("**Note:** plan only: no Datadog keys are configured")
                .contains("| `Traffic Anomaly with AddToCartEvent` | create |"));
        assertThat(world.github.lastStatus())
                .isEqualTo(new Status(
                        head(pr),
                        CommitState.SUCCESS,
                        CONTEXT,
                        "plan: 1 to create, 0 to update, 0 to delete, 0 unchanged"));
    }

    @Test
    void schemaErrors_stopEveryWrite_andAreReportedWithFileAndLine() {
        registeredOnMain(cart(ANOMALY));
        String query = world.datadog.monitors().getFirst().query();
        int pr = world.openPullRequest(Map.of(
                CART,
                file(record("AddToCartEvent", 5, "{\"type\": \"traffic_anomaly\", \"devations\": 3}")),
                "schemas/other.avdl",
                broken(4, "expected ';' after 'string x'"),
                "schemas/orders.avdl",
                file(record("OrderPlaced", 3, LOW))));

        SyncResult result = world.comment(pr, "owner", "esm register");

        assertThat(result.errors())
                .extracting(Object::toString)
                .containsExactly(
                        "schemas/cart.avdl:4: record AddToCartEvent, @monitor: unknown field 'devations' for type "
                                + "'traffic_anomaly'; did you mean 'deviations'?; its fields are [alert_window, "
                                + "algorithm, deviations, direction, message, notify, priority, seasonality, tags, "
                                + "type]",
                        "schemas/other.avdl:4: expected ';' after 'string x'");
        assertThat(result.plan()).hasValueSatisfying(p -> assertThat(p.changesAnything())
                .as("the clean file's monitor is planned, but not written")
                .isTrue());
        assertThat(result.applied()).isEmpty();
        assertThat(world.datadog.writes()).containsExactly("create Traffic Anomaly with AddToCartEvent");
        assertThat(world.datadog.monitors()).singleElement().satisfies(m -> assertThat(m.query())
                .isEqualTo(query));
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .contains("### autowatch: schema errors ❌")
                .contains("(nothing is registered until they are fixed)")
                .contains("- `schemas/cart.avdl:4`: record AddToCartEvent")
                .contains("- `schemas/other.avdl:4`: expected ';' after 'string x'"));
        assertThat(world.github.lastStatus())
                .isEqualTo(new Status(head(pr), CommitState.FAILURE, CONTEXT, "2 schema error(s); nothing registered"));
    }

    @Test
    void aFailedDatadogListing_writesNothing_andSaysWhy() {
        registeredOnMain(cart(ANOMALY));
        world.datadog.failTagListings();

        SyncResult result = world.commentOnNew(cart(LOW), "owner", "esm register");

        assertThat(result.refusal())
                .hasValue("could not read the monitors in Datadog, so nothing was changed: "
                        + "GET /api/v1/monitor: 500 Internal Server Error (injected)");
        assertThat(result.plan()).isEmpty();
        assertThat(world.datadog.writes()).containsExactly("create Traffic Anomaly with AddToCartEvent");
        assertThat(world.github.lastStatus().state()).isEqualTo(CommitState.FAILURE);
    }

    @Test
    void aFailedListingOfOneMonitorByName_writesNothing_notEvenTheOtherMonitors() {
        registeredOnMain(cart(ANOMALY));
        world.datadog.failListingOf("Low Volume with AddToCartEvent");

        SyncResult result = world.commentOnNew(
                Map.of(
                        CART,
                        file(records(
                                "AddToCartEvent",
                                5,
                                "[{\"type\": \"traffic_anomaly\", \"deviations\": 3}, " + LOW + "]"))),
                "owner",
                "esm register");

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("could not read the monitors in Datadog, so nothing was changed: ")
                .contains("name=Low Volume with AddToCartEvent"));
        assertThat(world.datadog.writes()).containsExactly("create Traffic Anomaly with AddToCartEvent");
    }
}
