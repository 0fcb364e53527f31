package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility check (README, "Compatibility"): each changed record against its version at the merge base, with
 * Avro's own SchemaCompatibility, through the real service, with GitHub and Datadog as HTTP fakes.
 */
class SchemaCompatibilityTest {

    private static final String REPO = "shop/event-schemas";
    private static final String PATH = "schemas/cart.avdl";
    private static final String MONITOR = "@monitor({\"type\": \"traffic_anomaly\"})";

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final AtomicInteger prNumbers = new AtomicInteger(10);
    private final SchemaSyncService service =
            FakeWiring.service(github, datadog, new AvroSchemaReader(), SyncSettings.defaults());
    private final Map<String, String> main = new HashMap<>();

    {
        github.grant("owner", "write");
    }

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    /** The cart schema with {@code fields} in AddToCartEvent (each line one field), annotated with {@code annotation}. */
    private static String cart(String annotation, String fields) {
        return """
                @namespace("com.shop.cart")
                protocol Cart {
                  enum Channel { WEB, APP }

                  %s
                  record AddToCartEvent {
                %s
                  }
                }
                """.formatted(annotation, fields.indent(4).stripTrailing());
    }

    private static final String V1 = """
            string sku;
            Channel channel;
            int quantity;""";

    private SyncResult pr(Map<String, String> head, String comment) {
        int number = prNumbers.incrementAndGet();
        github.pullRequest(REPO, number, main, head, false);
        Command command = Command.parse(comment).orElseThrow();
        CommandRequest request = new CommandRequest(
                "d-" + number, REPO, number, github.addComment(REPO, number, "owner", comment), "owner", command);
        return service.handle(request.pinnedTo(github.headOf(REPO, number), Instant.EPOCH));
    }

    private String comment() {
        return github.comments(REPO, prNumbers.get()).getLast();
    }

    private Map<String, Object> compatibilityStatus() {
        return github.statuses().stream()
                .filter(s -> "autowatch/compatibility".equals(s.get("context")))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void aFieldAddedWithoutADefault_isNamedWithFileAndLine_andRegisterIsRefusedUntilConfirmed() {
        main.put(PATH, cart("", V1));
        String added = cart(MONITOR, V1 + "\nstring coupon;");

        SyncResult plan = pr(Map.of(PATH, added), "esm plan");

        assertThat(plan.compatibility())
                .hasValueSatisfying(c -> assertThat(c.compatible()).isFalse());
        assertThat(comment())
                .contains("**Compatibility** (backward): 1 incompatible change(s)")
                .contains("`schemas/cart.avdl:10`, record `AddToCartEvent`: field `coupon` was added without a default:"
                        + " readers of the new schema cannot read old events");
        assertThat(compatibilityStatus())
                .containsEntry("state", "failure")
                .containsEntry("description", "1 incompatible change (backward)");

        SyncResult refused = pr(Map.of(PATH, added), "esm register");
        assertThat(refused.failed()).isTrue();
        assertThat(refused.refusal()).hasValueSatisfying(r -> assertThat(r).contains("--allow-incompatible"));
        assertThat(datadog.monitors()).isEmpty();

        SyncResult confirmed = pr(Map.of(PATH, added), "esm register --allow-incompatible");
        assertThat(confirmed.failed()).isFalse();
        assertThat(datadog.monitors()).hasSize(1);
    }

    @Test
    void aFieldAddedWithADefault_andAnAnnotationEdit_areCompatible() {
        main.put(PATH, cart("", V1));

        SyncResult withDefault = pr(Map.of(PATH, cart("", V1 + "\nstring coupon = \"\";")), "esm plan");
        assertThat(withDefault.compatibility()).hasValueSatisfying(c -> {
            assertThat(c.compatible()).isTrue();
            assertThat(c.changedRecords()).isEqualTo(1);
        });
        assertThat(compatibilityStatus())
                .containsEntry("state", "success")
                .containsEntry("description", "1 changed record compatible (backward)");

        SyncResult annotated = pr(Map.of(PATH, cart(MONITOR, V1)), "esm register");
        assertThat(annotated.compatibility()).hasValueSatisfying(c -> assertThat(c.changedRecords())
                .as("an annotation is not part of the schema")
                .isZero());
        assertThat(annotated.failed()).isFalse();
        assertThat(comment()).contains("no record's schema changed");
    }

    @Test
    void theLevel_isTheBases_forwardCatchesARemovedField_andNoneChecksNothing() {
        main.put(PATH, cart("", V1));
        main.put("autowatch.json", "{\"compatibility\": \"FORWARD\"}");
        String removed = cart("", """
                string sku;
                Channel channel;""");

        SyncResult forward = pr(Map.of(PATH, removed, "autowatch.json", "{\"compatibility\": \"NONE\"}"), "esm plan");

        assertThat(forward.compatibility()).hasValueSatisfying(c -> {
            assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.words())
                    .isEqualTo("field `quantity` was removed, and the old schema gives it no default: readers of "
                            + "the old schema cannot read new events"));
        });
        assertThat(comment()).contains("**Compatibility** (forward)");

        main.put("autowatch.json", "{\"compatibility\": \"none\"}");
        SyncResult none = pr(Map.of(PATH, removed), "esm plan");
        assertThat(none.compatibility())
                .hasValueSatisfying(c -> assertThat(c.compatible()).isTrue());
        assertThat(comment()).contains("not checked");
    }

    @Test
    void fullCatchesAnEnumSymbolRemovedAndATypeChange_andABrokenConfigFallsBackToBackwardAndSaysSo() {
        main.put(PATH, cart("", V1));
        main.put("autowatch.json", "{\"compatibility\": \"FULL\"}");
        String changed = cart("", """
                string sku;
                Channel channel;
                string quantity;""").replace("enum Channel { WEB, APP }", "enum Channel { WEB }");

        SyncResult full = pr(Map.of(PATH, changed), "esm plan");

        assertThat(full.compatibility().orElseThrow().problems())
                .extracting(p -> p.line() + " " + p.words())
                .contains(
                        "8 field `channel` lost enum symbols [APP]: readers of the new schema cannot read old events"
                                + " that carry them",
                        "9 field `quantity` changed type (reader type: STRING not compatible with writer type: INT):"
                                + " readers of the new schema cannot read old events");

        main.put("autowatch.json", "{\"compatibility\": \"SIDEWAYS\"}");
        pr(Map.of(PATH, changed), "esm plan");
        assertThat(comment())
                .contains("**Compatibility** (backward)")
                .contains("not one of BACKWARD, FORWARD, FULL or NONE; checked at the default, BACKWARD");
    }
}
