package io.autowatch.healthcheck;

import io.autowatch.aws.AwsClients;
import io.autowatch.aws.dynamodb.DynamoDbAlertLedger;
import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbResultStore;
import io.autowatch.aws.dynamodb.DynamoDbSettingsSource;
import io.autowatch.aws.sns.SnsAlertPublisher;
import io.autowatch.health.AlertPublisher;
import io.autowatch.health.HealthCheckService;
import io.autowatch.health.Policies;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the health check's object graph: the DynamoDB adapters, a publisher and the service. The Lambda function
 * builds it once per execution environment; the local runtime builds the same graph with its own publisher.
 */
public final class HealthCheckWiring {

    private HealthCheckWiring() {}

    static HealthCheckService fromEnvironment() {
        HealthCheckConfig config = HealthCheckConfig.from(System.getenv());
        AwsClients aws = AwsClients.forRegion(config.region());
        return create(config, aws.dynamoDb(), aws.sns(), Clock.systemUTC());
    }

    static HealthCheckService create(HealthCheckConfig config, DynamoDbClient dynamoDb, SnsClient sns, Clock clock) {
        ExecutorService executor = Executors.newFixedThreadPool(
                config.parallelism(),
                Thread.ofPlatform().daemon().name("health-check-", 0).factory());
        AlertPublisher publisher = new SnsAlertPublisher(
                sns,
                config.chatTopicArn(),
                config.pagingTopicArn(),
                config.region(),
                config.pagingFormat(),
                config.links());
        return service(dynamoDb, config.countsTable(), config.healthTable(), publisher, clock, executor);
    }

    /** The service over the two tables, publishing through {@code publisher}; {@code executor} runs its I/O. */
    public static HealthCheckService service(
            DynamoDbClient dynamoDb,
            String countsTable,
            String healthTable,
            AlertPublisher publisher,
            Clock clock,
            ExecutorService executor) {
        return new HealthCheckService(
                new DynamoDbCountsReader(dynamoDb, countsTable, executor),
                new DynamoDbSettingsSource(dynamoDb, healthTable),
                new DynamoDbResultStore(dynamoDb, healthTable, executor),
                new DynamoDbAlertLedger(dynamoDb, healthTable),
                publisher,
                Policies.standard(),
                clock,
                executor);
    }
}
