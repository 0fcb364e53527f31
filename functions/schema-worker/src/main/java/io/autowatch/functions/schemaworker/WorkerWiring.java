package io.autowatch.functions.schemaworker;

import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.aws.AwsClients;
import io.autowatch.aws.secrets.Secrets;
import io.autowatch.datadog.DatadogMonitorStore;
import io.autowatch.github.GitHubRestClient;
import io.autowatch.log.Log;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.CommandRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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

    private static final Log LOG = Log.of(WorkerWiring.class);

    private WorkerWiring() {}

    /** The service, the secrets it was built with, and where they are read again after a restore. */
    private record Built(SchemaSyncService service, List<String> secrets, Map<String, String> env, Secrets source) {}

    /** One service per execution environment, however often the runtime constructs the handler. */
    private static Built built;

    static synchronized SchemaSyncService workerFromEnvironment() {
        if (built == null) {
            Environment e = Environment.read();
            built = build(e.env(), e.secrets(), e.config(), secretValues(e.env(), e.secrets()));
        }
        return built.service();
    }

    /**
     * After a SnapStart restore: a snapshot holds the secrets read when it was taken, so a GitHub token or Datadog key
     * rotated since then would live on in every restored worker until the next deploy. They are read again, and the
     * service is built again when any changed.
     *
     * @return whether it was built again
     */
    static synchronized boolean rebuildIfSecretsChanged(Map<String, String> env, Secrets secrets) {
        List<String> now = secretValues(env, secrets);
        if (built != null && built.secrets().equals(now)) {
            return false;
        }
        built = build(env, secrets, SchemaSyncConfig.from(env, secrets), now);
        return true;
    }

    /**
     * After a restore, with the environment and the Secrets Manager client the snapshot holds (no client is built
     * again). When the secrets cannot be read (Secrets Manager failing), the snapshot's worker goes on with the secrets
     * it holds: a restore must not fail for it.
     */
    static void afterRestore() {
        Built current;
        synchronized (WorkerWiring.class) {
            current = built;
        }
        if (current == null) {
            return;
        }
        try {
            if (rebuildIfSecretsChanged(current.env(), current.source())) {
                LOG.info("rebuilt_after_restore", "why", "a secret changed since the snapshot");
            }
        } catch (RuntimeException e) {
            LOG.warn("secrets_not_reread_after_restore", "error", e.toString());
        }
    }

    /** Carries accepted commands out at once, in the webhook's own invocation (the local runtime, tests). */
    public static Consumer<CommandRequest> inline(Supplier<SchemaSyncService> service) {
        return command -> service.get().handle(command);
    }

    static SchemaSyncService service(Map<String, String> env, Secrets secrets, SchemaSyncConfig config) {
        return build(env, secrets, config, secretValues(env, secrets)).service();
    }

    private static List<String> secretValues(Map<String, String> env, Secrets secrets) {
        String token = secrets.value("GITHUB_TOKEN", "GITHUB_TOKEN_SECRET_ARN")
                .orElseThrow(() -> new IllegalStateException(
                        "GITHUB_TOKEN or GITHUB_TOKEN_SECRET_ARN is needed to act on pull-request commands"));
        String[] keys = SchemaSyncConfig.datadogKeys(env, secrets)
                .orElseThrow(
                        () -> new IllegalStateException(
                                "DD_API_KEY and DD_APP_KEY, or DATADOG_KEYS_SECRET_ARN, are needed to read and write monitors"));
        return List.of(token, keys[0], keys[1]);
    }

    /** @param values the GitHub token and the Datadog keys, as {@link #secretValues} read them */
    private static Built build(Map<String, String> env, Secrets secrets, SchemaSyncConfig config, List<String> values) {
        GitHubRestClient github = new GitHubRestClient(
                URI.create(config.githubApiUrl()), values.get(0), Duration.ofSeconds(10), config.botLogin());
        AvroSchemaReader reader = new AvroSchemaReader();
        DatadogMonitorStore datadog =
                datadogStore(new String[] {values.get(1), values.get(2)}, config.datadogApiUrl(), config.ddSite());
        // Run by SnapStart before its snapshot and after a restore, never on a plain cold start (README, Cold starts).
        WorkerPriming.register(
                List.of(
                        new WorkerPriming.Step("avro", reader::prime),
                        new WorkerPriming.Step("datadog", datadog::prime),
                        new WorkerPriming.Step("github", github::prime)),
                WorkerWiring::afterRestore);
        return new Built(new SchemaSyncService(github, reader, datadog, config.sync(), false), values, env, secrets);
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
        return datadogStore(keys, apiUrl, site);
    }

    private static DatadogMonitorStore datadogStore(String[] keys, Optional<String> apiUrl, String site) {
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
