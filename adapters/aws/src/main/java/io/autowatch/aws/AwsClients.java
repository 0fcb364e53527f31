package io.autowatch.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place AWS SDK clients are built: one URL-connection HTTP client (fast to start, no Netty or Apache), the
 * region set explicitly, one credentials provider, and retries with backoff on throttling. Each client is built on
 * first use and then shared, so a function pays at init only for the clients it touches.
 *
 * <p>Endpoints are overridden only by the SDK's own variables ({@code AWS_ENDPOINT_URL}, …), or, for the local
 * runtime, by {@link #local}.
 */
public final class AwsClients {

    /** More attempts than the SDK's default 3: a run reads in bursts, and on-demand tables absorb bursts within seconds. */
    private static final int MAX_ATTEMPTS = 8;

    /** Idle connections kept per host: above the most concurrent requests a function makes. */
    static final int KEPT_CONNECTIONS = 64;

    private final Region region;
    private final Optional<URI> endpoint;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Supplier<DynamoDbClient> dynamoDb = memoize(() -> build(DynamoDbClient.builder()));
    private final Supplier<SnsClient> sns = memoize(() -> build(SnsClient.builder()));
    private final Supplier<SqsClient> sqs = memoize(() -> build(SqsClient.builder()));
    private final Supplier<SecretsManagerClient> secrets = memoize(() -> build(SecretsManagerClient.builder()));

    static {
        // The SDK's url-connection client rides on HttpURLConnection, which keeps at most http.maxConnections idle
        // connections per host (5 unless set) and closes the rest: with the health check's 16 concurrent reads, most
        // requests would open a new connection (a new TLS handshake, in AWS). Read when the JDK first pools one.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(KEPT_CONNECTIONS));
        }
    }

    private AwsClients(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Clients for the function's own region ({@code AWS_REGION}, which Lambda always sets) and credentials. */
    public static AwsClients forRegion(String region) {
        return new AwsClients(
                Region.of(region),
                Optional.empty(),
                DefaultCredentialsProvider.builder().build());
    }

    /** Clients for an emulator on this machine (the local runtime's DynamoDB Local), with dummy credentials. */
    public static AwsClients local(URI endpoint) {
        return new AwsClients(
                Region.US_EAST_1,
                Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    public Region region() {
        return region;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public SecretsManagerClient secretsManager() {
        return secrets.get();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        var retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .build();
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(retries));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A value built once, on first use, by whichever thread asks first. */
    public static <T> Supplier<T> memoize(Supplier<T> supplier) {
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
