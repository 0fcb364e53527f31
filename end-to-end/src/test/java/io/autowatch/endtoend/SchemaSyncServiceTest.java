package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorSettings;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.StatusComment;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema-sync story (README, "Commands") through the real service, with GitHub and Datadog as HTTP fakes. */
class SchemaSyncServiceTest {

    private static final String REPO = "shop/event-schemas";
    private static final String PATH = "schemas/cart.avdl";

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final AtomicInteger prNumbers = new AtomicInteger(10);
    private SchemaSyncService service;
    /** The repository's files on the main branch, as pull requests change them. */
    private Map<String, String> main = new HashMap<>();

    @BeforeEach
    void setUp() {
        github.grant("owner", "write");
        github.grant("reader", "read");
        service = service(SyncSettings.defaults());
    }

    private SchemaSyncService service(SyncSettings settings) {
        return FakeWiring.service(github, datadog, new AvroSchemaReader(), settings);
    }

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private static String cart(String annotation) {
        return """
                @namespace("com.shop.cart")
                protocol Cart {
                  record Address { string street; }

                  %s
                  record AddToCartEvent {
                    string sku;
                    Address shipTo;
                  }
                }
                """.formatted(annotation);
    }

    /** Opens a pull request that changes main into {@code head}, runs the command, and merges on success. */
    private SyncResult pr(Map<String, String> head, String user, Command command) {
        return pr(head, user, command, false);
    }

    private SyncResult pr(Map<String, String> head, String user, Command command, boolean fork) {
        int number = prNumbers.incrementAndGet();
        github.pullRequest(REPO, number, main, head, fork);
        SyncResult result = service.handle(pinned(new CommandRequest(
                "d-" + number, REPO, number, github.addComment(REPO, number, user, command.text()), user, command)));
        if (command == Command.REGISTER && !result.failed()) {
            main = new HashMap<>(head);
        }
        return result;
    }

    private static List<String> tags(Map<String, Object> monitor) {
        return ((List<?>) monitor.get("tags")).stream().map(String::valueOf).toList();
    }

    private String comment() {
        List<String> comments = github.comments(REPO, prNumbers.get());
        return comments.getLast();
    }

    @Test
    void severityRouting_registersAWarningThreshold_priority_andConditionalHandles_thatDatadogAccepts() {
        SyncResult result = pr(Map.of(PATH, cart("""
                        @monitor({"type": "low_volume", "threshold": 100, "warning_threshold": 500, "priority": 1,
                                  "notify": {"critical": ["@pagerduty-checkout"], "warning": ["@slack-checkout"]}})""")), "owner", Command.REGISTER);

        assertThat(result.failed()).isFalse();
        assertThat(datadog.monitors()).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("priority", 1);
            Object thresholds = ((Map<?, ?>) m.get("options")).get("thresholds");
            assertThat(thresholds).isEqualTo(Map.of("critical", 100.0, "warning", 500.0));
            assertThat((String) m.get("message"))
                    .contains("{{#is_alert}}@pagerduty-checkout{{/is_alert}}")
                    .contains("{{#is_warning}}@slack-checkout{{/is_warning}}")
                    .doesNotContain("{{#is_warning}}@pagerduty-checkout");
        });

        datadog.clearCalls();
        pr(Map.of(PATH, cart("""
                        @monitor({"type": "low_volume", "threshold": 100, "warning_threshold": 500, "priority": 1,
                                  "notify": {"critical": ["@pagerduty-checkout"], "warning": ["@slack-checkout"]}})""")), "owner", Command.REGISTER);
        assertThat(datadog.count("PUT", "/api/v1/monitor/"))
                .as("Datadog's own spelling of the thresholds is no change")
                .isZero();
    }

    @Test
    void annotate_register_change_register_remove_register() {
        SyncResult created =
                pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "owner", Command.REGISTER);
        assertThat(created.failed()).isFalse();
        assertThat(datadog.monitors()).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("name", "Traffic Anomaly with AddToCartEvent");
            assertThat(tags(m)).contains("esm-prod", MonitorRenderer.schemaTag("schemas/cart.avdl"));
            assertThat((String) m.get("message")).contains("schemas/cart.avdl");
        });
        assertThat(comment()).contains("registered ✅").contains("| `Traffic Anomaly with AddToCartEvent` | created |");
        assertThat(github.reactions()).extracting(r -> r.get("content")).containsOnly("eyes");
        assertThat(github.statuses()).last().satisfies(s -> assertThat(s)
                .containsEntry("state", "success")
                .containsEntry("context", "autowatch/monitors"));

        datadog.clearCalls();
        pr(
                Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\", \"deviations\": 3})")),
                "owner",
                Command.REGISTER);
        assertThat(datadog.count("PUT", "/api/v1/monitor/")).isEqualTo(1);
        assertThat(datadog.count("POST", "/api/v1/monitor")).as("validate only").isEqualTo(1);
        assertThat(datadog.monitors()).singleElement().satisfies(m -> assertThat((String) m.get("query"))
                .contains("'agile', 3,"));
        assertThat(comment()).contains("| updated | query, message |");

        datadog.clearCalls();
        SyncResult again = pr(new HashMap<>(main), "owner", Command.REGISTER);
        assertThat(again.applied()).isEmpty();
        assertThat(datadog.calls()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));

        Map<String, String> head = new HashMap<>(main);
        head.put(PATH, cart("") + "\n// monitors removed\n");
        pr(head, "owner", Command.REGISTER);
        assertThat(datadog.monitors()).isEmpty();
        assertThat(comment()).contains("| deleted | no longer annotated in `schemas/cart.avdl` |");
    }

    @Test
    void removingTheFile_deletesItsMonitors_andRenamingMovesThem() {
        pr(
                Map.of(
                        PATH,
                        cart("@monitors([{\"type\": \"traffic_anomaly\"}, {\"type\": \"low_volume\", "
                                + "\"threshold\": 10}])")),
                "owner",
                Command.REGISTER);
        assertThat(datadog.monitors()).hasSize(2);

        int renamed = prNumbers.incrementAndGet();
        Map<String, String> moved = Map.of("schemas/shop/cart.avdl", main.get(PATH));
        github.pullRequest(REPO, renamed, main, moved, false);
        github.changedFiles(
                REPO,
                renamed,
                List.of(Map.of("filename", "schemas/shop/cart.avdl", "status", "renamed", "previous_filename", PATH)));
        SyncResult result = service.handle(pinned(new CommandRequest(
                "d-r",
                REPO,
                renamed,
                github.addComment(REPO, renamed, "owner", "esm register"),
                "owner",
                Command.REGISTER)));
        assertThat(result.failed()).isFalse();
        assertThat(datadog.monitors()).hasSize(2).allSatisfy(m -> assertThat(tags(m))
                .contains(MonitorRenderer.schemaTag("schemas/shop/cart.avdl"))
                .doesNotContain(MonitorRenderer.schemaTag("schemas/cart.avdl")));
        main = new HashMap<>(moved);

        pr(Map.of(), "owner", Command.REGISTER);
        assertThat(datadog.monitors()).isEmpty();
    }

    @Test
    void plan_showsWithoutWriting_andHelpExplains() {
        SyncResult plan = pr(
                Map.of(PATH, cart("@monitor({\"type\": \"low_volume\", \"threshold\": 5})")), "reader", Command.PLAN);
        assertThat(plan.plan()).hasValueSatisfying(p -> assertThat(p.steps()).hasSize(1));
        assertThat(datadog.monitors()).isEmpty();
        assertThat(datadog.calls()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
        assertThat(comment())
                .contains("plan (nothing applied)")
                .contains("| `Low Volume with AddToCartEvent` | create |");
        assertThat(github.statuses()).last().satisfies(s -> assertThat((String) s.get("description"))
                .isEqualTo("plan: 1 to create, 0 to update, 0 to delete, 0 unchanged"));

        pr(Map.of(), "reader", Command.HELP);
        assertThat(comment()).contains("esm register").contains("traffic_anomaly");
    }

    @Test
    void aUserWithoutWritePermission_orAFork_isRefused_andToldWhy() {
        SyncResult reader =
                pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "reader", Command.REGISTER);
        assertThat(reader.refusal())
                .hasValueSatisfying(
                        r -> assertThat(r).contains("@reader may not register").contains("'read'"));
        assertThat(comment()).contains("was not carried out").contains("esm plan");
        SyncResult stranger =
                pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "stranger", Command.REGISTER);
        assertThat(stranger.refusal()).hasValueSatisfying(r -> assertThat(r).contains("'none'"));
        SyncResult fork =
                pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "owner", Command.REGISTER, true);
        assertThat(fork.refusal()).hasValueSatisfying(r -> assertThat(r).contains("fork"));
        assertThat(datadog.monitors()).isEmpty();
        assertThat(github.statuses()).last().satisfies(s -> assertThat(s).containsEntry("state", "failure"));

        service = service(
                new SyncSettings(MonitorSettings.defaults(), SyncSettings.DEFAULT_GLOB, Set.of("other/repo"), true));
        SyncResult notAllowed =
                pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "owner", Command.REGISTER, true);
        assertThat(notAllowed.refusal()).hasValueSatisfying(r -> assertThat(r).contains("ALLOWED_REPOSITORIES"));
    }

    @Test
    void schemaErrors_nameFileAndLine_andNothingIsRegistered() {
        pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "owner", Command.REGISTER);
        datadog.clearCalls();
        SyncResult typo = pr(
                Map.of(
                        PATH,
                        cart("@monitor({\"type\": \"traffic_anomaly\", \"devations\": 3})"),
                        "schemas/other.avdl",
                        "protocol Other {\n  record A {\n    string x\n  }\n}\n",
                        "schemas/types.avdl",
                        cart("@monitor({\"type\": \"nope\"})").replace("Cart", "Types")),
                "owner",
                Command.REGISTER);
        assertThat(typo.errors())
                .extracting(Object::toString)
                .containsExactly(
                        "schemas/cart.avdl:5: record AddToCartEvent, @monitor: unknown field 'devations' for type "
                                + "'traffic_anomaly'; did you mean 'deviations'?; its fields are [alert_window, algorithm, "
                                + "deviations, direction, message, notify, priority, seasonality, tags, type]",
                        typo.errors().get(1).toString(),
                        "schemas/types.avdl:5: record AddToTypesEvent, @monitor: unknown monitor type 'nope'; known types: "
                                + "'traffic_anomaly', 'low_volume', 'error_rate'");
        assertThat(typo.errors().get(1).toString()).startsWith("schemas/other.avdl:4: ");
        assertThat(datadog.calls()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
        assertThat(datadog.monitors()).as("the existing monitor is kept").hasSize(1);
        assertThat(comment()).contains("schema errors ❌").contains("`schemas/cart.avdl:5`");
    }

    @Test
    void importsAreFetchedAtTheSameCommit() {
        SyncResult result = pr(
                Map.of(
                        "schemas/common/money.avdl",
                                "@namespace(\"com.shop\") protocol M { record Money { long cents; } }",
                        "schemas/order.avdl", """
                        @namespace("com.shop") protocol O {
                          import idl "common/money.avdl";
                          @monitor({"type": "error_rate", "percent": 2})
                          record OrderPlaced { Money total; }
                        }
                        """),
                "owner",
                Command.REGISTER);
        assertThat(result.errors()).isEmpty();
        assertThat(datadog.monitors()).extracting(m -> m.get("name")).containsExactly("Error Rate with OrderPlaced");
    }

    @Test
    void duplicatesInDatadog_areAConflict_andTheRestIsApplied() {
        Map<String, Object> twin = new HashMap<>(Map.of(
                "name",
                "Traffic Anomaly with AddToCartEvent",
                "type",
                "query alert",
                "query",
                "avg(last_4h):x",
                "tags",
                List.of("esm-prod")));
        datadog.put(twin);
        datadog.put(twin);
        SyncResult result = pr(
                Map.of(
                        PATH,
                        cart("@monitors([{\"type\": \"traffic_anomaly\"}, {\"type\": "
                                + "\"low_volume\", \"threshold\": 10}])")),
                "owner",
                Command.REGISTER);
        assertThat(result.failed()).isTrue();
        assertThat(datadog.monitors())
                .extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder(
                        "Traffic Anomaly with AddToCartEvent",
                        "Traffic Anomaly with AddToCartEvent",
                        "Low Volume with AddToCartEvent");
        assertThat(comment()).contains("⚠️ conflict").contains("share this name and tag");
    }

    @Test
    void datadogDownHalfway_reportsWhatFailed_andRegisteringAgainConverges() {
        Map<String, String> head = Map.of(
                PATH,
                cart("@monitors([{\"type\": \"traffic_anomaly\"}, {\"type\": "
                        + "\"low_volume\", \"threshold\": 10}, {\"type\": \"error_rate\", \"percent\": 1}])"));
        int number = prNumbers.incrementAndGet();
        github.pullRequest(REPO, number, main, head, false);
        // Listing (2 GETs by name after the file listing) and the first validate+create pass; then Datadog fails.
        datadog.refuseWhen(m ->
                String.valueOf(m.get("name")).startsWith("Low Volume") ? "Internal Server Error (injected)" : null);
        SyncResult first = service.handle(pinned(new CommandRequest(
                "d-1",
                REPO,
                number,
                github.addComment(REPO, number, "owner", "esm register"),
                "owner",
                Command.REGISTER)));
        assertThat(first.failed()).isTrue();
        assertThat(first.applied()).filteredOn(s -> !s.ok()).singleElement().satisfies(s -> {
            assertThat(s.step().name()).isEqualTo("Low Volume with AddToCartEvent");
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("Internal Server Error (injected)"));
        });
        assertThat(datadog.monitors()).hasSize(2);
        assertThat(github.comments(REPO, number).getLast())
                .contains("registered with failures")
                .contains("❌ failed to create")
                .contains("Internal Server Error (injected)");

        datadog.refuseWhen(m -> null);
        SyncResult second = service.handle(pinned(new CommandRequest(
                "d-2",
                REPO,
                number,
                github.addComment(REPO, number, "owner", "esm register"),
                "owner",
                Command.REGISTER)));
        assertThat(second.failed()).isFalse();
        assertThat(second.applied())
                .singleElement()
                .satisfies(s -> assertThat(s.step().name()).isEqualTo("Low Volume with AddToCartEvent"));
        assertThat(datadog.monitors()).hasSize(3);
        assertThat(github.comments(REPO, number))
                .filteredOn(c -> c.contains(StatusComment.MARKER))
                .as("one status comment, edited")
                .hasSize(1);
    }

    @Test
    void planOnly_registersNothing_andSaysWhy() {
        service = FakeWiring.service(github, datadog, new AvroSchemaReader(), SyncSettings.defaults(), true);
        SyncResult result =
                pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "owner", Command.REGISTER);
        assertThat(result.failed()).isFalse();
        assertThat(result.applied()).isEmpty();
        assertThat(datadog.monitors()).isEmpty();
        assertThat(comment())
                .contains("plan (nothing applied)")
                .contains("plan only: no Datadog keys")
                .contains("| `Traffic Anomaly with AddToCartEvent` | create |");
    }

    @Test
    void aFailedListing_writesNothing() {
        pr(Map.of(PATH, cart("@monitor({\"type\": \"traffic_anomaly\"})")), "owner", Command.REGISTER);
        datadog.failNext(5, 500, Map.of("X-RateLimit-Reset", "0"), "{\"errors\": [\"down\"]}");
        datadog.clearCalls();
        SyncResult result = pr(
                Map.of(PATH, cart("@monitor({\"type\": \"low_volume\", \"threshold\": 1})")),
                "owner",
                Command.REGISTER);
        assertThat(result.refusal()).hasValueSatisfying(r -> assertThat(r)
                .contains("could not read the monitors in Datadog, so nothing was changed"));
        assertThat(datadog.calls()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
        assertThat(datadog.monitors()).hasSize(1);
    }

    /** The request pinned to its pull request's head, as the webhook pins it from the head it recorded on opening. */
    private CommandRequest pinned(CommandRequest request) {
        return request.commit().isPresent() || request.pullRequest() <= 0
                ? request
                : request.pinnedTo(github.headOf(REPO, request.pullRequest()), Instant.EPOCH);
    }
}
