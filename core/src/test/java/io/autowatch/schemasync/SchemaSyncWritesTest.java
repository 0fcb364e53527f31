package io.autowatch.schemasync;

import static io.autowatch.schemasync.JsonSchemaReader.file;
import static io.autowatch.schemasync.JsonSchemaReader.record;
import static io.autowatch.schemasync.JsonSchemaReader.records;
import static io.autowatch.schemasync.SchemaSyncWorld.CART;
import static io.autowatch.schemasync.SchemaSyncWorld.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.PullRequests.CommitState;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How {@code esm register} writes: many deletes need confirming, and one failed write does not stop the rest. */
class SchemaSyncWritesTest {

    private static final String EVENTS = "schemas/events.avdl";
    private static final String LOW = "{\"type\": \"low_volume\", \"threshold\": 10}";

    private final SchemaSyncWorld world = new SchemaSyncWorld();

    /** A file with {@code count} records, each with a low-volume monitor. */
    private static Map<String, String> events(int count) {
        return Map.of(
                EVENTS,
                file(IntStream.rangeClosed(1, count)
                        .mapToObj(i -> record("Event" + i, 10 * i, LOW))
                        .toArray(String[]::new)));
    }

    /** The main branch has {@code files}, registered from a merged pull request. */
    private void registeredOnMain(Map<String, String> files) {
        int pr = world.openPullRequest(files);
        assertThat(world.comment(pr, "owner", "esm register").failed()).isFalse();
        world.merge(pr);
    }

    private long deletes() {
        return world.datadog.writes().stream()
                .filter(w -> w.startsWith("delete "))
                .count();
    }

    @Test
    void register_ofMoreDeletesThanTheLimit_isHeld_untilACommentAllowsThatMany() {
        int over = Limits.DELETES_WITHOUT_CONFIRMATION + 1;
        registeredOnMain(events(over));
        int pr = world.openPullRequest(Map.of()); // removes the file

        SyncResult held = world.comment(pr, "owner", "esm register");

        assertThat(held.refusal())
                .hasValue("this would delete 11 monitors, more than 10 without confirmation. Check the plan below, "
                        + "then comment `esm register --allow-deletes=11` to go ahead");
        assertThat(held.plan())
                .hasValueSatisfying(p -> assertThat(p.count(Plan.Delete.class)).isEqualTo(over));
        assertThat(held.applied()).isEmpty();
        assertThat(world.datadog.monitors()).hasSize(over);
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .contains("was not carried out")
                .contains("| `Low Volume with Event11` | delete | no longer annotated in `schemas/events.avdl` |"));
        assertThat(world.github.lastStatus().state()).isEqualTo(CommitState.FAILURE);

        SyncResult tooFew = world.comment(pr, "owner", "esm register --allow-deletes=5");

        assertThat(tooFew.refusal()).hasValueSatisfying(r -> assertThat(r).startsWith("this would delete 11 monitors"));
        assertThat(deletes()).isZero();

        SyncResult allowed = world.comment(pr, "owner", "esm register --allow-deletes=11");

        assertThat(allowed.failed()).isFalse();
        assertThat(deletes()).isEqualTo(over);
        assertThat(world.datadog.monitors()).isEmpty();
        assertThat(world.github.lastStatus().description())
                .isEqualTo("registered: 0 created, 0 updated, 11 deleted, 0 unchanged");
    }

    @Test
    void register_ofExactlyTheLimitOfDeletes_needsNoConfirmation() {
        registeredOnMain(events(Limits.DELETES_WITHOUT_CONFIRMATION));

        SyncResult result = world.commentOnNew(Map.of(), "owner", "esm register");

        assertThat(result.refusal()).isEmpty();
        assertThat(deletes()).isEqualTo(Limits.DELETES_WITHOUT_CONFIRMATION);
        assertThat(world.datadog.monitors()).isEmpty();
    }

    @Test
    void register_takesTheAllowedDeletesFromTheCommentAsGitHubHasIt_notFromTheRequest() {
        registeredOnMain(events(11));
        int pr = world.openPullRequest(Map.of());
        long id = world.github.comment(pr, "owner", "esm register");

        SyncResult result =
                world.handle(world.pinned(new CommandRequest("d-1", REPO, pr, id, "owner", Command.REGISTER, 99)));

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r).startsWith("this would delete 11 monitors"));
        assertThat(deletes()).isZero();
    }

    @Test
    void plan_ofManyDeletes_onlyShowsThem() {
        registeredOnMain(events(11));

        SyncResult result = world.commentOnNew(Map.of(), "reader", "esm plan");

        assertThat(result.refusal()).isEmpty();
        assertThat(deletes()).isZero();
        assertThat(world.github.lastStatus().description())
                .isEqualTo("plan: 0 to create, 0 to update, 11 to delete, 0 unchanged");
    }

    @Test
    void register_oneFailedWrite_isReportedForThatMonitor_theOthersAreWritten_andRegisteringAgainConverges() {
        int pr = world.openPullRequest(
                Map.of(CART, file(records("AddToCartEvent", 5, "[{\"type\": \"traffic_anomaly\"}, " + LOW + "]"))));
        world.datadog.failWritesOf("Low Volume with AddToCartEvent", 500);

        SyncResult first = world.comment(pr, "owner", "esm register");

        assertThat(first.failed()).isTrue();
        assertThat(first.applied())
                .extracting(s -> s.step().name() + ": " + s.error().orElse("ok"))
                .containsExactly(
                        "Low Volume with AddToCartEvent: Datadog answered 500 for 'Low Volume with AddToCartEvent' "
                                + "(injected)",
                        "Traffic Anomaly with AddToCartEvent: ok");
        assertThat(world.datadog.names()).containsExactly("Traffic Anomaly with AddToCartEvent");
        assertThat(world.github.statusComment(pr)).hasValueSatisfying(body -> assertThat(body)
                .contains("### autowatch: registered with failures ⚠️")
                .contains("| `Low Volume with AddToCartEvent` | ❌ failed to create | Datadog answered 500"));
        assertThat(world.github.lastStatus().description()).isEqualTo("1 of 2 changes failed; register again to retry");

        world.datadog.stopFailingWrites();
        SyncResult second = world.comment(pr, "owner", "esm register");

        assertThat(second.failed()).isFalse();
        assertThat(second.applied())
                .extracting(s ->
                        s.step().getClass().getSimpleName() + " " + s.step().name())
                .containsExactly("Create Low Volume with AddToCartEvent");
        assertThat(world.datadog.names())
                .isEqualTo(List.of("Low Volume with AddToCartEvent", "Traffic Anomaly with AddToCartEvent"));
    }
}
