package io.autowatch.healthcheck;

import io.autowatch.health.HealthCheckService;
import io.autowatch.health.Policies;
import io.autowatch.health.dynamodb.DynamoDbAlertLedger;
import io.autowatch.health.dynamodb.DynamoDbCountsReader;
import io.autowatch.health.dynamodb.DynamoDbResultStore;
import io.autowatch.health.dynamodb.DynamoDbSettingsSource;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the function's object graph once per execution environment: clients, adapters, the service. */
final class HealthCheckWiring {

    private HealthCheckWiring() {}

    static HealthCheckService fromEnvironment() {
        HealthCheckConfig config = HealthCheckConfig.from(System.getenv());
        Region region = Region.of(config.region());
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
        var credentials = DefaultCredentialsProvider.builder().build();
        // Throttling is retried with backoff by the SDK; more attempts than its default 3, since a run reads in
        // bursts and on-demand tables absorb bursts within seconds.
        var retries = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(8).build();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().region(region).httpClient(http)
                .credentialsProvider(credentials).overrideConfiguration(o -> o.retryStrategy(retries)).build();
        SnsClient sns = SnsClient.builder().region(region).httpClient(http)
                .credentialsProvider(credentials).overrideConfiguration(o -> o.retryStrategy(retries)).build();
        return create(config, dynamoDb, sns, Clock.systemUTC());
    }

    static HealthCheckService create(HealthCheckConfig config, DynamoDbClient dynamoDb, SnsClient sns, Clock clock) {
        ExecutorService executor = Executors.newFixedThreadPool(config.parallelism(), daemonThreads());
        return new HealthCheckService(
                new DynamoDbCountsReader(dynamoDb, config.countsTable(), executor),
                new DynamoDbSettingsSource(dynamoDb, config.healthTable()),
                new DynamoDbResultStore(dynamoDb, config.healthTable(), executor),
                new DynamoDbAlertLedger(dynamoDb, config.healthTable()),
                new SnsAlertPublisher(sns, config.chatTopicArn(), config.pagingTopicArn(), config.region()),
                Policies.standard(),
                clock,
                executor);
    }

    private static ThreadFactory daemonThreads() {
        return Thread.ofPlatform().daemon().name("health-check-", 0).factory();
    }
}
