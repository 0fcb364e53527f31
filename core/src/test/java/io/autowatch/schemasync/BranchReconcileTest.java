package io.autowatch.schemasync;

import static io.autowatch.schemasync.JsonSchemaReader.broken;
import static io.autowatch.schemasync.JsonSchemaReader.file;
import static io.autowatch.schemasync.JsonSchemaReader.record;
import static io.autowatch.schemasync.SchemaSyncWorld.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.ExistingMonitor;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.InMemoryPullRequests.Status;
import io.autowatch.schemasync.PullRequests.CommitState;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A push to the default branch (the RECONCILE command): Datadog is made to match the branch as a whole. */
class BranchReconcileTest {

    private static final String A = "schemas/a.avdl";
    private static final String B = "schemas/b.avdl";
    private static final String LOW = "{\"type\": \"low_volume\", \"threshold\": 10}";

    private final SchemaSyncWorld world = new SchemaSyncWorld();

    private static String events(String... names) {
        return file(IntStream.range(0, names.length)
                .mapToObj(i -> record(names[i], 5 + 4 * i, LOW))
                .toArray(String[]::new));
    }

    private long deletes() {
        return world.datadog.writes().stream()
                .filter(w -> w.startsWith("delete "))
                .count();
    }

    @Test
    void aPush_createsWhatTheBranchAsksFor_andReportsOnlyInTheCommitStatus() {
        SyncResult result = world.push(Map.of(A, events("AEvent"), "README.md", "not a schema"));

        assertThat(result.failed()).isFalse();
        assertThat(world.datadog.names()).containsExactly("Low Volume with AEvent");
        assertThat(world.datadog.monitors().getFirst().tags()).contains(MonitorRenderer.repositoryTag(REPO));
        assertThat(world.reader.reads()).containsExactly(A + " at a000002");
        assertThat(world.github.statuses())
                .containsExactly(new Status(
                        world.github.defaultBranchHead(),
                        CommitState.SUCCESS,
                        SchemaSyncService.STATUS_CONTEXT,
                        "default branch: 1 created, 0 updated, 0 deleted, 0 unchanged"));
        assertThat(world.github.anyStatusComment())
                .as("a push has no pull request")
                .isFalse();
    }

    @Test
    void aPush_repairsAMonitorEditedInDatadog() {
        world.push(Map.of(A, events("AEvent")));
        ExistingQuery before = ExistingQuery.of(world, "Low Volume with AEvent");
        world.datadog.editQuery(before.id(), "sum(last_1h):edited in Datadog < 1");

        SyncResult result = world.push(Map.of(A, events("AEvent")));

        assertThat(result.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .singleElement()
                .isInstanceOfSatisfying(
                        Plan.Update.class, u -> assertThat(u.changes()).containsExactly("query")));
        assertThat(ExistingQuery.of(world, "Low Volume with AEvent")).isEqualTo(before);
        assertThat(world.github.lastStatus().description())
                .isEqualTo("default branch: 0 created, 1 updated, 0 deleted, 0 unchanged");
    }

    @Test
    void aPush_deletesTheMonitorsOfARemovedFile() {
        world.push(Map.of(A, events("AEvent"), B, events("BEvent")));

        SyncResult result = world.push(Map.of(A, events("AEvent")));

        assertThat(result.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .filteredOn(Plan.Delete.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(Plan.Delete.class, d -> {
                    assertThat(d.name()).isEqualTo("Low Volume with BEvent");
                    assertThat(d.reason()).isEqualTo("no longer annotated in schemas/b.avdl");
                }));
        assertThat(world.datadog.names()).containsExactly("Low Volume with AEvent");
    }

    @Test
    void aPush_thatGitHubListsOnlyInPart_deletesNothing_andSaysSo() {
        world.push(Map.of(A, events("AEvent", "A2Event"), B, events("BEvent")));
        world.github.listTreesInPart();

        SyncResult result = world.push(Map.of(A, events("AEvent")));

        assertThat(deletes()).isZero();
        assertThat(world.datadog.names()).hasSize(3);
        assertThat(result.notice()).hasValue("GitHub listed the branch only in part, so nothing was deleted");
        assertThat(world.github.lastStatus().description())
                .endsWith("; GitHub listed the branch only in part, so nothing was deleted");
    }

    @Test
    void aPush_keepsTheMonitorsOfAFileWithErrors_andStillAppliesTheOtherFiles() {
        world.push(Map.of(A, events("AEvent")));

        SyncResult result = world.push(Map.of(A, broken(2, "unexpected '}'"), B, events("BEvent")));

        assertThat(result.errors()).extracting(Object::toString).containsExactly("schemas/a.avdl:2: unexpected '}'");
        assertThat(world.datadog.names()).containsExactly("Low Volume with AEvent", "Low Volume with BEvent");
        assertThat(deletes()).isZero();
    }

    @Test
    void aPush_withMoreStaleMonitorsThanTheLimit_deletesNone_andSaysSo() {
        String[] eleven =
                IntStream.rangeClosed(1, 11).mapToObj(i -> "Event" + i).toArray(String[]::new);
        world.push(Map.of(A, events(eleven)));

        SyncResult result = world.push(Map.of());

        assertThat(deletes()).isZero();
        assertThat(world.datadog.monitors()).hasSize(11);
        assertThat(result.notice())
                .hasValue("11 monitors are no longer annotated but were not deleted (more than 10 at once)");
    }

    @Test
    void aPush_leavesAnotherRepositorysMonitorsAlone() {
        MonitorDefinition theirs = new MonitorDefinition(
                "Low Volume with TheirEvent",
                MonitorRenderer.TYPE,
                "sum(last_1h):x < 1",
                "theirs",
                List.of(
                        "esm-prod",
                        MonitorRenderer.repositoryTag("shop/other-schemas"),
                        MonitorRenderer.schemaTag("schemas/gone.avdl")),
                3,
                Map.of(),
                "schemas/gone.avdl",
                "com.other.TheirEvent");
        world.datadog.put(theirs);

        world.push(Map.of(A, events("AEvent")));

        assertThat(world.datadog.names()).containsExactly("Low Volume with AEvent", "Low Volume with TheirEvent");
    }

    @Test
    void aPush_reconcilesTheBranchAsGitHubHasItNow_notTheCommitThePayloadNames() {
        String planted = world.github.commit(Map.of(A, events("Planted")));
        world.github.push(Map.of(A, events("AEvent")));

        world.handle(CommandRequest.reconcile("push-forged", REPO, "mallory", planted));

        assertThat(world.datadog.names()).containsExactly("Low Volume with AEvent");
    }

    @Test
    void aPush_inPlanOnlyMode_writesNothing() {
        world.runWith(SyncSettings.defaults(), true);

        SyncResult result = world.push(Map.of(A, events("AEvent")));

        assertThat(result.plan())
                .hasValueSatisfying(p -> assertThat(p.count(Plan.Create.class)).isOne());
        assertThat(world.datadog.writes()).isEmpty();
    }

    /** A monitor's id and query, to compare before and after. */
    private record ExistingQuery(long id, String query) {
        static ExistingQuery of(SchemaSyncWorld world, String name) {
            ExistingMonitor m = world.datadog.named(name).orElseThrow();
            return new ExistingQuery(m.id(), m.query());
        }
    }

    private String lastStatus() {
        return world.github.statuses().getLast().description();
    }

    @Test
    void aPushWithAnErrorInOneFile_saysWhatTheOtherFilesWrote_notThatNothingWasRegistered() {
        world.push(Map.of(A, events("AEvent")));

        world.push(Map.of(A, broken(2, "unexpected '}'"), B, events("BEvent")));

        assertThat(lastStatus())
                .isEqualTo(
                        "default branch: 1 created, 0 updated, 0 deleted, 0 unchanged; 1 schema error(s) left alone");
    }

    @Test
    void aPushInPlanOnlyMode_saysItPlanned_andWroteNothing() {
        world.runWith(SyncSettings.defaults(), true);

        world.push(Map.of(A, events("AEvent")));

        assertThat(lastStatus())
                .isEqualTo(
                        "default branch, plan only: 1 to create, 0 to update, 0 to delete, 0 unchanged; plan only: no"
                                + " Datadog keys are configured, so nothing was applied");
    }

    @Test
    void aPushWhoseWriteFailed_countsOnlyWhatDatadogTook() {
        world.datadog.failWritesOf("Low Volume with BEvent", 500);

        world.push(Map.of(A, events("AEvent"), B, events("BEvent")));

        assertThat(lastStatus()).isEqualTo("1 changes failed; 1 created, 0 updated, 0 deleted, 0 unchanged");
    }
}
