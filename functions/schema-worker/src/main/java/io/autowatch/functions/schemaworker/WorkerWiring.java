package io.autowatch.functions.schemaworker;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.aws.AwsClients;
import io.autowatch.aws.secrets.Secrets;
import io.autowatch.datadog.DatadogMonitorStore;
import io.autowatch.github.GitHubRestClient;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.CommandRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the worker's parts once per execution environment: the GitHub client, the Avro reader, the Datadog store
 * and the service. The local runtime builds the same service through {@link #service(String, String, MonitorStore,
 * SyncSettings, boolean)}.
 */
public final class WorkerWiring {

    /** Connect/read timeouts and retries of the Datadog client; the function's timeout is set above their sum. */
    static final Duration DATADOG_CONNECT = Duration.ofSeconds(5);

    static final Duration DATADOG_READ = Duration.ofSeconds(20);
    static final int DATADOG_RETRIES = 3;

    private WorkerWiring() {}

    static SchemaSyncService workerFromEnvironment() {
        Environment e = Environment.read();
        return service(e.env(), e.secrets(), e.config());
    }

    /** Carries accepted commands out at once, in the webhook's own invocation (the local runtime, tests). */
    public static Consumer<CommandRequest> inline(Supplier<SchemaSyncService> service) {
        return command -> service.get().handle(command);
    }

    static SchemaSyncService service(Map<String, String> env, Secrets secrets, SchemaSyncConfig config) {
        String token = secrets.value("GITHUB_TOKEN", "GITHUB_TOKEN_SECRET_ARN")
                .orElseThrow(() -> new IllegalStateException(
                        "GITHUB_TOKEN or GITHUB_TOKEN_SECRET_ARN is needed to act on pull-request commands"));
        String[] keys = SchemaSyncConfig.datadogKeys(env, secrets)
                .orElseThrow(
                        () -> new IllegalStateException(
                                "DD_API_KEY and DD_APP_KEY, or DATADOG_KEYS_SECRET_ARN, are needed to read and write monitors"));
        return new SchemaSyncService(
                new GitHubRestClient(
                        URI.create(config.githubApiUrl()), token, Duration.ofSeconds(10), config.botLogin()),
                new AvroSchemaReader(),
                datadog(keys, config.datadogApiUrl(), config.ddSite()),
                config.sync(),
                false);
    }

    /**
     * The service against GitHub at {@code githubApiUrl} and the given monitor store.
     *
     * @param planOnly when true, {@code esm register} plans but writes nothing (no Datadog keys, a local run)
     */
    public static SchemaSyncService service(
            String githubApiUrl, String token, MonitorStore datadog, SyncSettings settings, boolean planOnly) {
        return new SchemaSyncService(
                new GitHubRestClient(URI.create(githubApiUrl), token, Duration.ofSeconds(10)),
                new AvroSchemaReader(),
                datadog,
                settings,
                planOnly);
    }

    /** Datadog's monitor API with these keys ({@code [api, app]}), at {@code apiUrl} or the site's default URL. */
    public static MonitorStore datadog(String[] keys, Optional<String> apiUrl, String site) {
        return DatadogMonitorStore.create(
                keys[0], keys[1], apiUrl, site, DATADOG_CONNECT, DATADOG_READ, DATADOG_RETRIES);
    }

    /** The environment, its secrets and the AWS clients, read once. */
    private record Environment(Map<String, String> env, AwsClients aws, Secrets secrets, SchemaSyncConfig config) {
        static Environment read() {
            Map<String, String> env = System.getenv();
            AwsClients aws = AwsClients.forRegion(env.getOrDefault("AWS_REGION", "us-east-1"));
            Secrets secrets = Secrets.of(env, aws::secretsManager);
            return new Environment(env, aws, secrets, SchemaSyncConfig.from(env, secrets));
        }
    }
}
