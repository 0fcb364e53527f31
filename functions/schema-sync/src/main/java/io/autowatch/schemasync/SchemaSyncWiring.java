package io.autowatch.schemasync;

import io.autowatch.schemasync.aws.CommandQueue;
import io.autowatch.schemasync.aws.Secrets;
import io.autowatch.schemasync.datadog.DatadogMonitorStore;
import io.autowatch.schemasync.github.GitHubRestClient;
import io.autowatch.schemasync.sync.SchemaSyncService;
import io.autowatch.schemasync.webhook.WebhookReceiver;
import io.autowatch.schemasync.webhook.WebhookSignature;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the function's parts once per execution environment. What the webhook needs (the secret, the queue) is
 * built at init; the GitHub and Datadog clients only when a command is first carried out, so that the webhook's
 * cold start does not pay for them.
 */
final class SchemaSyncWiring {

    /** Connect/read timeouts and retries of the Datadog client; the function's timeout is set above their sum. */
    static final Duration DATADOG_CONNECT = Duration.ofSeconds(5);
    static final Duration DATADOG_READ = Duration.ofSeconds(20);
    static final int DATADOG_RETRIES = 3;

    record Parts(WebhookReceiver receiver, Optional<CommandQueue> queue, Supplier<SchemaSyncService> service) {}

    private SchemaSyncWiring() {}

    static Parts fromEnvironment() {
        Map<String, String> env = System.getenv();
        SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10)).build();
        Supplier<Region> region = () -> Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
        var credentials = DefaultCredentialsProvider.builder().build();
        Secrets secrets = Secrets.of(env, () -> SecretsManagerClient.builder().region(region.get()).httpClient(http)
                .credentialsProvider(credentials).build());
        SchemaSyncConfig config = SchemaSyncConfig.from(env, secrets);
        Optional<CommandQueue> queue = config.queueUrl().map(url -> new CommandQueue(SqsClient.builder()
                .region(region.get()).httpClient(http).credentialsProvider(credentials).build(), url));
        return new Parts(receiver(config), queue, memoize(() -> service(env, secrets, config)));
    }

    static WebhookReceiver receiver(SchemaSyncConfig config) {
        return new WebhookReceiver(config.webhookSecret().map(WebhookSignature::new));
    }

    static SchemaSyncService service(Map<String, String> env, Secrets secrets, SchemaSyncConfig config) {
        String token = secrets.value("GITHUB_TOKEN", "GITHUB_TOKEN_SECRET_ARN").orElseThrow(() -> new IllegalStateException(
                "GITHUB_TOKEN or GITHUB_TOKEN_SECRET_ARN is needed to act on pull-request commands"));
        String[] keys = SchemaSyncConfig.datadogKeys(env, secrets).orElseThrow(() -> new IllegalStateException(
                "DD_API_KEY and DD_APP_KEY, or DATADOG_KEYS_SECRET_ARN, are needed to read and write monitors"));
        return new SchemaSyncService(
                new GitHubRestClient(URI.create(config.githubApiUrl()), token, Duration.ofSeconds(10)),
                DatadogMonitorStore.create(keys[0], keys[1], config.datadogApiUrl(), config.ddSite(),
                        DATADOG_CONNECT, DATADOG_READ, DATADOG_RETRIES),
                config.sync());
    }

    static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
