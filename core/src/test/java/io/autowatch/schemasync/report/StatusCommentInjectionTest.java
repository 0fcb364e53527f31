package io.autowatch.schemasync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaError;
import io.autowatch.schemasync.intake.Command;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A stranger names the files, records and values: none of it may become markup in the status comment. */
class StatusCommentInjectionTest {

    private static final String EVIL_FILE = "x` [phish](https://evil.example) <b>b</b> `.avdl";
    /** What GitHub turns into a mention: @ then a login, not preceded by a word character. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w`])@[A-Za-z0-9][A-Za-z0-9-]*");

    private static SyncResult result(List<Plan.Step> steps, List<SchemaError> errors) {
        return new SyncResult(
                Command.PLAN,
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

    private static MonitorDefinition monitor(String name, String path) {
        return new MonitorDefinition(name, "query alert", "q", "m", List.of("esm-prod"), 3, Map.of(), path, "com.X");
    }

    /** The comment with every code span removed: what GitHub renders as Markdown. */
    private static String outsideCode(String comment) {
        return comment.replaceAll("(`+)(?s).*?\\1", "");
    }

    @Test
    void aFileNameWithBackticks_staysInsideItsCodeSpan() {
        String comment = StatusComment.render(result(
                List.of(new Plan.Create(monitor("Traffic Anomaly with X", EVIL_FILE))),
                List.of(new SchemaError(EVIL_FILE, 3, "the file does not exist at abc1234"))));

        assertThat(comment).contains("``" + EVIL_FILE + ":3``", "``" + EVIL_FILE + "``");
        String markup = outsideCode(comment);
        assertThat(markup).doesNotContain("](https://", "<b>", "evil.example");
    }

    @Test
    void mentionsLinksImagesAndHtmlInMessages_areInert() {
        String message = "record @octocat/owners, cc @everyone: see [here](https://evil.example) "
                + "![img](https://evil.example/x.png) <img src=x onerror=alert(1)> #1234 www.evil.example\r\n| x |";
        String comment = StatusComment.render(result(List.of(), List.of(new SchemaError("a.avdl", 2, message))));

        String markup = outsideCode(comment);
        assertThat(MENTION.matcher(markup).results().map(m -> m.group()).toList())
                .as("only the sender is mentioned")
                .containsExactly("@ann");
        assertThat(markup)
                .doesNotContain("](https://", "<img", "\r", "| x |", "https://evil", "www.evil")
                .contains("\\[here\\]", "&lt;img");
    }

    @Test
    void monitorNamesAndDatadogErrors_cannotBreakTheTable() {
        var create = new Plan.Create(monitor("Traffic Anomaly with A|B\n| injected | row |", "a.avdl"));
        String comment = StatusComment.render(result(List.of(create), List.of()));
        List<String> rows = comment.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(2); // the header and one monitor
    }
}
