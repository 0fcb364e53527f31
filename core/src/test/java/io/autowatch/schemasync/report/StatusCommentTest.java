package io.autowatch.schemasync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaError;
import io.autowatch.schemasync.intake.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusCommentTest {

    private static MonitorDefinition monitor(int i) {
        return new MonitorDefinition(
                "Traffic Anomaly with Event" + i + "_" + "x".repeat(60),
                "query alert",
                "q",
                "m",
                List.of("esm-prod"),
                3,
                Map.of(),
                "schemas/s" + i + ".avdl",
                "com.Event" + i);
    }

    /** A command's result for repository o/r, pull request 1, by ann: only what a test varies. */
    private static SyncResult result(Command command, List<Plan.Step> steps, List<SchemaError> errors) {
        return new SyncResult(
                command,
                "o/r",
                1,
                "abcdef1234",
                "ann",
                Optional.of(new Plan(steps)),
                List.of(),
                errors,
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void aHugePlan_staysUnderGitHubsLimit_andSaysWhatIsNotShown() {
        List<Plan.Step> steps = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            steps.add(i % 2 == 0 ? new Plan.Create(monitor(i)) : new Plan.Unchanged(i, monitor(i)));
        }
        List<SchemaError> errors = new ArrayList<>();
        SyncResult result = result(Command.PLAN, steps, errors);
        String comment = StatusComment.render(result);
        assertThat(comment.length()).isLessThanOrEqualTo(65_536);
        assertThat(comment)
                .startsWith(StatusComment.MARKER)
                .contains("not shown (GitHub comments are limited")
                .contains("<details><summary>2500 unchanged monitors</summary>");
    }

    @Test
    void aPlanWithSchemaErrors_neverSaysDatadogAlreadyMatches() {
        SyncResult withErrors = result(Command.PLAN, List.of(), List.of(new SchemaError("a.avdl", 3, "syntax error")));
        SyncResult clean = result(Command.PLAN, List.of(), List.of());

        assertThat(StatusComment.render(withErrors))
                .doesNotContain("Datadog already matches")
                .contains("the files with errors are left as they are");
        assertThat(StatusComment.render(clean)).contains("No changes: Datadog already matches the annotations.");
    }

    @Test
    void textFromSchemasCannotBreakTheTable() {
        SyncResult result =
                result(Command.REGISTER, List.of(), List.of(new SchemaError("a.avdl", 3, "bad | pipe <script>")));
        assertThat(StatusComment.render(result))
                .contains("bad \\| pipe &lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(StatusComment.summary(result)).isEqualTo("1 schema error(s); nothing registered");
    }
}
