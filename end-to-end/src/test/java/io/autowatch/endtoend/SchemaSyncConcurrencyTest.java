package io.autowatch.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two open pull requests on one schema file, each registered: each applies its own change (what differs between
 * its merge base and its head), so neither undoes the other's monitors.
 */
class SchemaSyncConcurrencyTest {

    private static final String REPO = "shop/event-schemas";
    private static final String FILE = "schemas/cart.avdl";

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();
    private final SchemaSyncService service = FakeWiring.service(github, datadog);

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private static String cart(String onAdd, String onCheckout) {
        return "@namespace(\"com.shop\")\nprotocol Cart {\n" + onAdd + "\n  record AddToCartEvent { string sku; }\n"
                + onCheckout + "\n  record CheckoutEvent { string id; }\n}\n";
    }

    private static String lowVolume(int threshold) {
        return "  @monitor({\"type\": \"low_volume\", \"threshold\": " + threshold + "})";
    }

    private SyncResult command(int number, Map<String, String> base, Map<String, String> head, Command command) {
        github.pullRequest(REPO, number, base, head, false);
        long comment = github.addComment(REPO, number, "owner", command.text());
        return service.handle(pinned(new CommandRequest("d-" + number, REPO, number, comment, "owner", command)));
    }

    private Map<String, Object> monitor(String name) {
        return datadog.monitors().stream()
                .filter(m -> name.equals(m.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no monitor " + name + " in " + datadog.monitors()));
    }

    @Test
    void twoPullRequestsOnOneFile_doNotPingPong() {
        github.grant("owner", "write");
        Map<String, String> main = Map.of(FILE, cart(lowVolume(10), ""));
        assertThat(command(1, Map.of(), main, Command.REGISTER).failed()).isFalse();

        // A annotates CheckoutEvent and registers; it is not merged yet.
        Map<String, String> a = Map.of(FILE, cart(lowVolume(10), lowVolume(5)));
        assertThat(command(2, main, a, Command.REGISTER).failed()).isFalse();
        assertThat(datadog.monitors()).hasSize(2);

        // B, branched from main before A, raises AddToCartEvent's threshold. Its head lacks A's annotation.
        Map<String, String> b = Map.of(FILE, cart(lowVolume(50), ""));
        SyncResult plan = command(3, main, b, Command.PLAN);
        assertThat(plan.plan()).hasValueSatisfying(p -> assertThat(p.steps())
                .singleElement()
                .isInstanceOfSatisfying(
                        Plan.Update.class, u -> assertThat(u.name()).isEqualTo("Low Volume with AddToCartEvent")));
        SyncResult registered = command(4, main, b, Command.REGISTER);

        assertThat(registered.failed()).isFalse();
        assertThat(datadog.monitors()).as("A's monitor survives B's register").hasSize(2);
        assertThat(String.valueOf(monitor("Low Volume with AddToCartEvent").get("query")))
                .endsWith("< 50");
        assertThat(String.valueOf(monitor("Low Volume with CheckoutEvent").get("query")))
                .endsWith("< 5");

        // A registers again after B: it still changes only CheckoutEvent, so B's threshold stays.
        assertThat(command(5, main, a, Command.REGISTER).failed()).isFalse();
        assertThat(String.valueOf(monitor("Low Volume with AddToCartEvent").get("query")))
                .endsWith("< 50");
    }

    @Test
    void aPullRequestThatRemovesAnAnnotation_deletesOnlyThatMonitor() {
        github.grant("owner", "write");
        Map<String, String> main = Map.of(FILE, cart(lowVolume(10), lowVolume(5)));
        assertThat(command(1, Map.of(), main, Command.REGISTER).failed()).isFalse();

        SyncResult removed = command(2, main, Map.of(FILE, cart(lowVolume(10), "")), Command.REGISTER);

        assertThat(removed.plan())
                .hasValueSatisfying(p -> assertThat(p.steps()).singleElement().isInstanceOf(Plan.Delete.class));
        assertThat(datadog.monitors()).extracting(m -> m.get("name")).containsExactly("Low Volume with AddToCartEvent");
    }

    /** The request pinned to its pull request's head, as the webhook pins it from the head it recorded on opening. */
    private CommandRequest pinned(CommandRequest request) {
        return request.commit().isPresent() || request.pullRequest() <= 0
                ? request
                : request.pinnedTo(github.headOf(REPO, request.pullRequest()), Instant.EPOCH);
    }
}
