package io.autowatch.functions.schemaworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.autowatch.aws.secrets.Secrets;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SnapStart's hooks, called as Lambda calls them before its snapshot and after a restore. */
class WorkerPrimingTest {

    private static final String REPO = "shop/event-schemas";

    private final FakeGitHub github = new FakeGitHub();
    private final FakeDatadog datadog = new FakeDatadog();

    @AfterEach
    void stop() {
        github.close();
        datadog.close();
    }

    private SchemaSyncService wiredWorker() {
        Map<String, String> env = Map.of(
                "GITHUB_TOKEN", FakeGitHub.TOKEN,
                "GITHUB_API_URL", github.baseUrl(),
                "DD_API_KEY", FakeDatadog.API_KEY,
                "DD_APP_KEY", FakeDatadog.APP_KEY,
                "DATADOG_API_URL", datadog.baseUrl());
        Secrets secrets = new Secrets(env, arn -> {
            throw new AssertionError("no secret ARN is set");
        });
        return WorkerWiring.service(env, secrets, SchemaSyncConfig.from(env, secrets));
    }

    @Test
    void theHooks_primeEveryClientWithoutARequestToGitHubOrDatadog_andTheWorkerStillCarriesACommandOut() {
        SchemaSyncService worker = wiredWorker();
        WorkerPriming hooks = WorkerPriming.registered().orElseThrow();

        assertThat(hooks.prime()).as("the steps that failed").isEmpty();
        assertThatCode(() -> hooks.beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThatCode(() -> hooks.afterRestore(null)).doesNotThrowAnyException();
        assertThat(github.calls()).as("nothing reached GitHub").isEmpty();
        assertThat(datadog.calls()).as("nothing reached Datadog").isEmpty();

        github.grant("owner", "write");
        String head = github.pullRequest(
                REPO,
                3,
                Map.of(),
                Map.of(
                        "schemas/cart.avdl",
                        "@namespace(\"com.shop\") protocol Cart {\n"
                                + "  @monitor({\"type\": \"low_volume\", \"threshold\": 10})\n"
                                + "  record AddToCartEvent { string sku; }\n}\n"),
                false);
        long comment = github.addComment(REPO, 3, "owner", "esm register");
        worker.handle(new CommandRequest("d-1", REPO, 3, comment, "owner", Command.REGISTER)
                .pinnedTo(head, Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(datadog.monitors()).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("name", "Low Volume with AddToCartEvent"));
    }

    @Test
    void aStepThatFails_isSkipped_andTheOthersStillRun_soThatTheSnapshotIsTaken() {
        List<String> ran = new ArrayList<>();
        WorkerPriming priming = new WorkerPriming(
                List.of(
                        new WorkerPriming.Step("broken", () -> {
                            throw new IllegalStateException("no network at snapshot time");
                        }),
                        new WorkerPriming.Step("fine", () -> ran.add("fine"))),
                () -> ran.add("restored"));

        assertThat(priming.prime()).containsExactly("broken");
        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
        priming.afterRestore(null);
        assertThat(ran).containsExactly("fine", "fine", "restored");
    }

    @Test
    void afterARestore_theWorkerIsBuiltAgain_onlyWhenASecretChangedSinceTheSnapshot() {
        Map<String, String> env = new HashMap<>(Map.of(
                "GITHUB_TOKEN",
                "token-at-snapshot",
                "GITHUB_API_URL",
                github.baseUrl(),
                "DD_API_KEY",
                FakeDatadog.API_KEY,
                "DD_APP_KEY",
                FakeDatadog.APP_KEY,
                "DATADOG_API_URL",
                datadog.baseUrl()));
        WorkerWiring.rebuildIfSecretsChanged(env, plain(env));
        SchemaSyncService atSnapshot = WorkerWiring.workerFromEnvironment();

        assertThat(WorkerWiring.rebuildIfSecretsChanged(env, plain(env))).isFalse();
        assertThat(WorkerWiring.workerFromEnvironment()).isSameAs(atSnapshot);

        env.put("GITHUB_TOKEN", "token-rotated-since");
        assertThat(WorkerWiring.rebuildIfSecretsChanged(env, plain(env))).isTrue();
        assertThat(WorkerWiring.workerFromEnvironment()).isNotSameAs(atSnapshot);
    }

    private static Secrets plain(Map<String, String> env) {
        return new Secrets(Map.copyOf(env), arn -> {
            throw new AssertionError("no secret ARN is set");
        });
    }
}
