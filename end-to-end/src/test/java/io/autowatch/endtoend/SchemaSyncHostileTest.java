package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.Limits;
import io.autowatch.schemasync.PullRequests;
import io.autowatch.schemasync.SchemaReader;
import io.autowatch.schemasync.SchemaSource;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.compat.SchemaChange;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.StatusComment;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema sync as a stranger and a busy repository use it, through the real service with GitHub and Datadog as HTTP
 * fakes: whatever the pull request holds, the command ends with an answer on it and nothing unsafe is done.
 */
class SchemaSyncHostileTest {

    private static final String REPO = "shop/event-schemas";

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final AtomicInteger numbers = new AtomicInteger(100);
    private SchemaSyncService service;
    private Map<String, String> main = new HashMap<>();

    @BeforeEach
    void setUp() {
        github.grant("owner", "write");
        service = service(new AvroSchemaReader());
    }

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private SchemaSyncService service(SchemaReader reader) {
        return FakeWiring.service(github, datadog, reader, SyncSettings.defaults());
    }

    private static String schema(String protocol, String body) {
        return "@namespace(\"com.shop\")\nprotocol " + protocol + " {\n" + body + "\n}\n";
    }

    private static String annotated(String record) {
        return "  @monitor({\"type\": \"low_volume\", \"threshold\": 10})\n  record " + record + " { string id; }\n";
    }

    private int open(Map<String, String> head) {
        int number = numbers.incrementAndGet();
        github.pullRequest(REPO, number, main, head, false);
        return number;
    }

    private SyncResult run(int number, String comment) {
        Command command = Command.parse(comment).orElseThrow();
        SyncResult result = service.handle(pinned(new CommandRequest(
                "d-" + number,
                REPO,
                number,
                github.addComment(REPO, number, "owner", comment),
                "owner",
                command,
                Command.allowedDeletes(comment))));
        return result;
    }

    private SyncResult register(Map<String, String> head) {
        SyncResult result = run(open(head), "esm register");
        if (!result.failed()) {
            main = new HashMap<>(head);
        }
        return result;
    }

    private String lastComment() {
        return github.comments(REPO, numbers.get()).getLast();
    }

    @Test
    void anImportThatClimbsToGitHubsApi_sendsTheTokenNowhere_andIsReportedAtItsLine() {
        int pr = open(Map.of(
                "schemas/cart.avdl",
                schema("Cart", "  import idl \"../../../../../user.avdl\";\n" + annotated("AddToCartEvent"))));
        github.clearCalls();

        SyncResult result = run(pr, "esm plan");

        assertThat(github.calls()).extracting(FakeGitHub.Call::path).allSatisfy(path -> assertThat(path)
                .startsWith("/repos/" + REPO + "/"));
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("points outside the repository");
        });
        assertThat(lastComment()).contains("schemas/cart.avdl:3").contains("points outside the repository");
    }

    @Test
    void anAbsoluteImport_readsNothingFromTheWorkersDisk() {
        int pr = open(Map.of(
                "schemas/cart.avdl", schema("Cart", "  import idl \"/etc/passwd\";\n" + annotated("AddToCartEvent"))));

        SyncResult result = run(pr, "esm plan");

        assertThat(lastComment()).contains("is refused").doesNotContain("root:");
        assertThat(result.plan()).hasValueSatisfying(p -> assertThat(p.steps()).isEmpty());
    }

    @Test
    void anAnnotationNestedTenThousandDeep_endsWithAnErrorOnThePullRequest() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        int pr = open(Map.of(
                "schemas/deep.avdl",
                schema(
                        "Deep",
                        "  @monitor({\"type\": \"low_volume\", \"x\": " + deep + "})\n  record R { string id; }\n")));

        SyncResult result = run(pr, "esm register");

        assertThat(result.failed()).isTrue();
        assertThat(lastComment()).contains("schemas/deep.avdl:3").contains("nested");
        assertThat(datadog.monitors()).isEmpty();
    }

    @Test
    void anythingThrownInside_evenAStackOverflow_isReportedOnThePullRequest() {
        SchemaReader exploding = new SchemaReader() {
            @Override
            public Read read(SchemaSource source, List<String> paths) {
                throw new StackOverflowError();
            }

            @Override
            public SchemaChange compare(SchemaRecord.Shape before, SchemaRecord.Shape after) {
                throw new StackOverflowError();
            }
        };
        service = service(exploding);
        int pr = open(Map.of("schemas/cart.avdl", schema("Cart", annotated("AddToCartEvent"))));

        SyncResult result = run(pr, "esm register");

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r).contains("StackOverflowError"));
        assertThat(lastComment()).contains("was not carried out").contains("d-" + pr);
    }

    @Test
    void aReactionThatFails_doesNotStopTheCommand() {
        int pr = open(Map.of("schemas/cart.avdl", schema("Cart", annotated("AddToCartEvent"))));
        github.failNext(1, 403, Map.of(), "{\"message\": \"Resource not accessible by integration\"}");

        SyncResult result = run(pr, "esm register");

        assertThat(result.failed()).isFalse();
        assertThat(datadog.monitors()).hasSize(1);
    }

    @Test
    void whenGitHubCannotListEveryChangedFile_nothingIsPlanned_soNothingIsDeleted() {
        assertThat(register(Map.of("schemas/a.avdl", schema("A", annotated("AEvent"))))
                        .failed())
                .isFalse();
        int pr = open(Map.of());
        github.report(REPO, pr, "changed_files", 3_400);

        SyncResult result = run(pr, "esm register");

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r).contains("GitHub listed 1 of the 3400"));
        assertThat(datadog.monitors()).hasSize(1);
    }

    @Test
    void morePathsThanOneCommandReads_isAnError_andDeletesNothing() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= Limits.MAX_FILES; i++) {
            many.put("schemas/f" + i + ".avdl", schema("F" + i, annotated("Event" + i)));
        }
        int pr = open(many);

        SyncResult result = run(pr, "esm register");

        assertThat(result.errors()).anySatisfy(e -> assertThat(e.message()).contains("the most one command reads"));
        assertThat(datadog.monitors()).isEmpty();
    }

    @Test
    void manyDeletes_needConfirmation_andTheConfirmedCommandAppliesThem() {
        Map<String, String> files = new HashMap<>();
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < Limits.DELETES_WITHOUT_CONFIRMATION + 1; i++) {
            records.append(annotated("Event" + i));
        }
        files.put("schemas/many.avdl", schema("Many", records.toString()));
        assertThat(register(files).failed()).isFalse();
        assertThat(datadog.monitors()).hasSize(Limits.DELETES_WITHOUT_CONFIRMATION + 1);
        int pr = open(Map.of("schemas/many.avdl", schema("Many", "  record Plain { string id; }\n")));

        SyncResult refused = run(pr, "esm register");
        assertThat(refused.refusal()).hasValueSatisfying(r -> assertThat(r)
                .contains("--allow-deletes=" + (Limits.DELETES_WITHOUT_CONFIRMATION + 1)));
        assertThat(refused.plan()).hasValueSatisfying(p -> assertThat(p.count(Plan.Delete.class))
                .isEqualTo(Limits.DELETES_WITHOUT_CONFIRMATION + 1));
        assertThat(datadog.monitors()).hasSize(Limits.DELETES_WITHOUT_CONFIRMATION + 1);
        assertThat(lastComment()).contains("| delete |").doesNotContain("| deleted |");

        SyncResult confirmed = run(pr, "esm register --allow-deletes=" + (Limits.DELETES_WITHOUT_CONFIRMATION + 1));
        assertThat(confirmed.failed()).isFalse();
        assertThat(datadog.monitors()).isEmpty();
    }

    @Test
    void lookAlikeFileNames_keepTheirOwnMonitors() {
        assertThat(register(Map.of(
                                "schemas/a b.avdl", schema("AB", annotated("SpacedEvent")),
                                "schemas/a_b.avdl", schema("AUB", annotated("UnderscoreEvent"))))
                        .failed())
                .isFalse();
        Map<String, String> head = new HashMap<>(main);
        head.put("schemas/a b.avdl", schema("AB", "  record SpacedEvent { string id; }\n"));

        SyncResult result = register(head);

        assertThat(result.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .extracting(Plan.Step::name)
                .containsExactly("Low Volume with SpacedEvent"));
        assertThat(datadog.monitors())
                .extracting(m -> m.get("name"))
                .containsExactly("Low Volume with UnderscoreEvent");
    }

    @Test
    void aSecondFileDeclaringAnOwnedRecordName_isAConflict_notATakeover() {
        assertThat(register(Map.of("schemas/a.avdl", schema("A", annotated("CartEvent"))))
                        .failed())
                .isFalse();
        Map<String, String> head = new HashMap<>(main);
        head.put("schemas/b.avdl", "@namespace(\"com.other\")\nprotocol B {\n" + annotated("CartEvent") + "}\n");

        SyncResult result = register(head);

        assertThat(result.failed()).isTrue();
        assertThat(result.plan())
                .hasValueSatisfying(p -> assertThat(p.steps()).singleElement().isInstanceOf(Plan.Conflict.class));
        assertThat(lastComment()).contains("belongs to schemas/a.avdl");
        assertThat(datadog.monitors()).singleElement().satisfies(m -> assertThat(String.valueOf(m.get("message")))
                .contains("schemas/a.avdl"));
    }

    @Test
    void aFileNameWithMarkdown_cannotPlantALinkInTheComment() {
        String evil = "schemas/x` [phish](https://evil.example) <b>b</b> `.avdl";
        int pr = open(Map.of(evil, "protocol P { record R { strin id; } }"));

        run(pr, "esm plan");

        String outsideCode = lastComment().replaceAll("(`+)(?s).*?\\1", "");
        assertThat(outsideCode).doesNotContain("](https://", "<b>");
    }

    @Test
    void aStrangersPushPlannedAutomatically_endsAsSafelyAsEsmPlan_climbingAbsoluteAndMarkdownPathsAlike() {
        String evil = "schemas/x` [phish](https://evil.example) `.avdl";
        int pr = open(Map.of(
                "schemas/cart.avdl",
                schema(
                        "Cart",
                        "  import idl \"../../../../../user.avdl\";\n  import idl \"/etc/passwd\";\n"
                                + annotated("AddToCartEvent")),
                evil,
                "protocol P { record R { strin id; } }"));
        github.clearCalls();

        SyncResult result = service.handle(CommandRequest.autoplan(
                "a-" + pr, REPO, pr, "stranger", github.headOf(REPO, pr), Instant.parse("2026-12-07T10:00:00Z")));

        assertThat(github.calls()).extracting(FakeGitHub.Call::path).allSatisfy(path -> assertThat(path)
                .startsWith("/repos/" + REPO + "/"));
        assertThat(result.errors())
                .extracting(e -> e.message())
                .anyMatch(m -> m.contains("points outside the repository"));
        String outsideCode = lastComment().replaceAll("(`+)(?s).*?\\1", "");
        assertThat(outsideCode).doesNotContain("](https://", "root:");
        assertThat(datadog.monitors()).isEmpty();
    }

    @Test
    void whenGitHubFails_theCommandIsReportedAsUnfinished_andThrownForRedelivery() {
        int pr = open(Map.of("schemas/cart.avdl", schema("Cart", annotated("AddToCartEvent"))));
        List<String> seen = new ArrayList<>();
        github.failNext(1, 200, Map.of(), "{}"); // the reaction
        github.failNext(3, 502, Map.of(), "{\"message\": \"bad gateway\"}");

        assertThatThrownBy(() -> run(pr, "esm register")).isInstanceOf(PullRequests.GitHubException.class);
        seen.addAll(github.comments(REPO, pr));
        assertThat(seen)
                .filteredOn(c -> c.contains(StatusComment.MARKER))
                .singleElement()
                .asString()
                .contains("GitHub failed while the command ran");
    }

    @Test
    void anAnomalyMonitorThatTheDatadogPlanRefuses_saysWhy_onThePullRequest() {
        datadog.refuseWhen(m -> String.valueOf(m.get("query")).contains("anomalies(")
                ? "Anomaly monitors are not available for your organization"
                : null);
        int pr = open(Map.of(
                "schemas/cart.avdl",
                schema(
                        "Cart",
                        "  @monitor({\"type\": \"traffic_anomaly\"})\n  record AddToCartEvent { string sku; }\n")));

        SyncResult result = run(pr, "esm register");

        assertThat(result.failed()).isTrue();
        assertThat(lastComment()).contains("only on some plans").contains("low_volume");
    }

    @Test
    void moreMonitorsThanOneCommandMakes_isRefusedWithTheCap_andNothingIsWritten() {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i <= Limits.MAX_MONITORS; i++) {
            records.append(annotated("Event" + i));
        }
        int pr = open(Map.of("schemas/many.avdl", schema("Many", records.toString())));

        SyncResult result = run(pr, "esm register");

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r)
                .contains((Limits.MAX_MONITORS + 1) + " monitors")
                .contains("at most " + Limits.MAX_MONITORS));
        assertThat(datadog.monitors()).isEmpty();
        assertThat(lastComment()).contains("at most " + Limits.MAX_MONITORS);
    }

    @Test
    void aSignedPayloadNamingAnAdmin_isCarriedOutAsTheCommentsRealAuthorOnGitHub() {
        github.grant("reader", "read");
        int pr = open(Map.of("schemas/cart.avdl", schema("Cart", annotated("AddToCartEvent"))));
        long real = github.addComment(REPO, pr, "reader", "esm register");

        // Whoever knows the webhook secret can sign this; GitHub says the comment is the reader's.
        SyncResult result =
                service.handle(pinned(new CommandRequest("d-forged", REPO, pr, real, "owner", Command.REGISTER)));

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r).contains("reader may not register"));
        assertThat(datadog.monitors()).isEmpty();
    }

    @Test
    void aCommandWhoseCommentIsNotOnThatPullRequest_doesNothing() {
        int pr = open(Map.of("schemas/cart.avdl", schema("Cart", annotated("AddToCartEvent"))));
        long elsewhere = github.addComment(REPO, pr + 1000, "owner", "esm register");

        SyncResult result =
                service.handle(pinned(new CommandRequest("d-x", REPO, pr, elsewhere, "owner", Command.REGISTER)));

        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r).contains("GitHub has no such comment"));
        assertThat(datadog.monitors()).isEmpty();
    }

    /** The request pinned to its pull request's head, as the webhook pins it from the head it recorded on opening. */
    private CommandRequest pinned(CommandRequest request) {
        return request.commit().isPresent() || request.pullRequest() <= 0
                ? request
                : request.pinnedTo(github.headOf(REPO, request.pullRequest()), Instant.EPOCH);
    }
}
