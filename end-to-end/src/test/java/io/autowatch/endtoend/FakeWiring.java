package io.autowatch.endtoend;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.datadog.DatadogMonitorStore;
import io.autowatch.functions.schemawebhook.Webhook;
import io.autowatch.functions.schemawebhook.WebhookHandler;
import io.autowatch.github.GitHubRestClient;
import io.autowatch.github.webhook.WebhookReceiver;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.schemasync.SchemaReader;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.CommandIntake;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Schema sync's real service and adapters, wired to the GitHub and Datadog fakes, as the tests here need it. */
final class FakeWiring {

    private FakeWiring() {}

    static SchemaSyncService service(FakeGitHub github, FakeDatadog datadog) {
        return service(github, datadog, new AvroSchemaReader(), SyncSettings.defaults());
    }

    static SchemaSyncService service(
            FakeGitHub github, FakeDatadog datadog, SchemaReader reader, SyncSettings settings) {
        return service(github, datadog, reader, settings, false);
    }

    /** @param planOnly no Datadog write keys: every command plans and says why */
    static SchemaSyncService service(
            FakeGitHub github, FakeDatadog datadog, SchemaReader reader, SyncSettings settings, boolean planOnly) {
        return new SchemaSyncService(
                new GitHubRestClient(URI.create(github.baseUrl()), FakeGitHub.TOKEN, Duration.ofSeconds(5)),
                reader,
                DatadogMonitorStore.create(
                        FakeDatadog.API_KEY,
                        FakeDatadog.APP_KEY,
                        Optional.of(datadog.baseUrl()),
                        "datadoghq.com",
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        1),
                settings,
                planOnly);
    }

    /**
     * The webhook's real handler, signing secret {@code secret}, its state in {@code state}, handing each accepted
     * command straight to {@code next} (the worker inline, or a queue).
     */
    static WebhookHandler webhook(String secret, DynamoDbSchemaSyncState state, Consumer<CommandRequest> next) {
        return new WebhookHandler(new Webhook(
                new WebhookReceiver(Optional.of(new WebhookSignature(secret))),
                new CommandIntake(state, state, next, state, state, Clock.systemUTC())));
    }
}
