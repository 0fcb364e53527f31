package io.autowatch.functions.healthcheck;

import io.autowatch.aws.AwsClients;
import io.autowatch.aws.dynamodb.DynamoDbAlertLedger;
import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbJobRegistry;
import io.autowatch.aws.dynamodb.DynamoDbResultStore;
import io.autowatch.aws.dynamodb.DynamoDbRunDays;
import io.autowatch.aws.dynamodb.DynamoDbSettingsSource;
import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.aws.sns.SnsAlertPublisher;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.run.HealthCheckService;
import io.autowatch.healthcheck.run.ShardPlan;
import io.autowatch.healthcheck.run.ShardedRuns;
import io.autowatch.healthcheck.view.OnCallView;
import io.autowatch.holidays.JollydayCalendars;
import io.autowatch.pagerduty.PagerDutyEvents;
import io.autowatch.pagerduty.PagerDutyRelay;
import io.autowatch.pagerduty.RoutingKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the health check's object graphs: the DynamoDB adapters, a publisher and the service; the on-call widget's
 * view; the PagerDuty relay. Each Lambda function builds its graph once per execution environment; the local
 * runtime builds the service's graph with its own publisher.
 */
public final class HealthCheckWiring {

    private HealthCheckWiring() {}

    /**
     * The function's two services, over one set of clients. The plan and summary of a run in shards are built on
     * their first use: most invocations are a shard's worker, which never needs them, and a cold start should not
     * load them.
     */
    public static final class Services {

        private final HealthCheckService run;
        private final Supplier<ShardedRuns> sharded;
        private ShardedRuns built;

        public Services(HealthCheckService run, Supplier<ShardedRuns> sharded) {
            this.run = run;
            this.sharded = sharded;
        }

        /** Only whole and single-shard runs (tests, the local runtime's manual checks). */
        public static Services runsOnly(HealthCheckService run) {
            return new Services(run, () -> {
                throw new IllegalStateException("this handler runs checks only; the plan and summary are not wired");
            });
        }

        public HealthCheckService run() {
            return run;
        }

        public synchronized ShardedRuns sharded() {
            if (built == null) {
                built = sharded.get();
            }
            return built;
        }
    }

    static Services fromEnvironment() {
        HealthCheckConfig config = HealthCheckConfig.from(System.getenv());
        AwsClients aws = AwsClients.forRegion(config.region());
        int jobsPerShard = jobsPerShard(System.getenv());
        return new Services(
                create(config, aws.dynamoDb(), aws.sns(), Clock.systemUTC()),
                () -> sharded(config, aws.dynamoDb(), aws.sns(), Clock.systemUTC(), jobsPerShard));
    }

    /** {@code JOBS_PER_SHARD}: how many jobs one worker of a run in shards checks (README, Configuration). */
    static int jobsPerShard(Map<String, String> env) {
        String value = env.getOrDefault("JOBS_PER_SHARD", Integer.toString(ShardPlan.JOBS_PER_SHARD));
        try {
            int jobs = Integer.parseInt(value.strip());
            if (jobs >= 1 && jobs <= 1_000_000) {
                return jobs;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalStateException(
                "JOBS_PER_SHARD must be a whole number from 1 to 1,000,000, not '" + value + "'");
    }

    static HealthCheckService create(HealthCheckConfig config, DynamoDbClient dynamoDb, SnsClient sns, Clock clock) {
        ExecutorService executor = daemonPool(config.parallelism(), "health-check-");
        return service(dynamoDb, config.countsTable(), config.healthTable(), publisher(config, sns), clock, executor);
    }

    /** The deployment's publisher: chat and paging topics from the configuration. */
    static AlertPublisher publisher(HealthCheckConfig config, SnsClient sns) {
        return new SnsAlertPublisher(
                sns,
                config.chatTopicArn(),
                config.pagingTopicArn(),
                config.region(),
                config.pagingFormat(),
                config.links());
    }

    /** The service over the two tables, publishing through {@code publisher}; {@code executor} runs its I/O. */
    public static HealthCheckService service(
            DynamoDbClient dynamoDb,
            String countsTable,
            String healthTable,
            AlertPublisher publisher,
            Clock clock,
            ExecutorService executor) {
        return service(
                dynamoDb, countsTable, healthTable, publisher, clock, executor, HealthCheckService.DEFAULT_CLAIM_LEASE);
    }

    /** The same, with claims on notices that last {@code claimLease} unrenewed (tests of crashes shorten it). */
    public static HealthCheckService service(
            DynamoDbClient dynamoDb,
            String countsTable,
            String healthTable,
            AlertPublisher publisher,
            Clock clock,
            ExecutorService executor,
            Duration claimLease) {
        return new HealthCheckService(
                new DynamoDbCountsReader(
                        dynamoDb, countsTable, executor, new DynamoDbJobRegistry(dynamoDb, healthTable, executor)),
                new DynamoDbSettingsSource(dynamoDb, healthTable),
                new DynamoDbResultStore(dynamoDb, healthTable, executor),
                new DynamoDbAlertLedger(dynamoDb, healthTable),
                publisher,
                Policies.standard(),
                new JollydayCalendars(),
                clock,
                executor,
                claimLease);
    }

    /** The plan and summary of a run in shards, over the same tables and topics as the run. */
    static ShardedRuns sharded(
            HealthCheckConfig config, DynamoDbClient dynamoDb, SnsClient sns, Clock clock, int jobsPerShard) {
        ExecutorService executor = daemonPool(config.parallelism(), "health-check-plan-");
        return sharded(
                dynamoDb,
                config.countsTable(),
                config.healthTable(),
                publisher(config, sns),
                clock,
                executor,
                jobsPerShard);
    }

    /** The plan and summary of a run in shards over the two tables, telling failed shards through {@code publisher}. */
    public static ShardedRuns sharded(
            DynamoDbClient dynamoDb,
            String countsTable,
            String healthTable,
            AlertPublisher publisher,
            Clock clock,
            ExecutorService executor,
            int jobsPerShard) {
        return new ShardedRuns(
                new DynamoDbJobRegistry(dynamoDb, healthTable, executor),
                new DynamoDbRunDays(dynamoDb, healthTable),
                new DynamoDbCountsReader(dynamoDb, countsTable, executor),
                new DynamoDbSettingsSource(dynamoDb, healthTable),
                publisher,
                clock,
                jobsPerShard);
    }

    /** The job registry, for the counts stream's consumer: it writes registry items in the health table only. */
    static JobRegistry registryFromEnvironment(Map<String, String> env) {
        String table = env.getOrDefault("HEALTH_TABLE", "");
        String region = env.getOrDefault("AWS_REGION", "");
        if (table.isBlank() || region.isBlank()) {
            throw new IllegalStateException("the job registry needs HEALTH_TABLE and AWS_REGION");
        }
        ExecutorService executor = daemonPool(8, "registry-");
        return new DynamoDbJobRegistry(AwsClients.forRegion(region).dynamoDb(), table, executor);
    }

    /** The on-call widget's view: results and open incidents, read only. */
    static OnCallView onCallViewFromEnvironment(Map<String, String> env) {
        String table = env.getOrDefault("HEALTH_TABLE", "");
        String region = env.getOrDefault("AWS_REGION", "");
        if (table.isBlank() || region.isBlank()) {
            throw new IllegalStateException("the on-call widget needs HEALTH_TABLE and AWS_REGION");
        }
        DynamoDbClient dynamoDb = AwsClients.forRegion(region).dynamoDb();
        return new OnCallView(
                new DynamoDbStoredResults(dynamoDb, table),
                new DynamoDbAlertLedger(dynamoDb, table),
                Clock.systemUTC());
    }

    /** The relay to PagerDuty, with the routing key read from Secrets Manager (again when it may have changed). */
    static PagerDutyRelay pagerDutyRelayFromEnvironment(Map<String, String> env) {
        String arn = env.getOrDefault("PAGERDUTY_ROUTING_KEY_SECRET_ARN", "");
        String region = env.getOrDefault("AWS_REGION", "");
        if (arn.isBlank() || region.isBlank()) {
            throw new IllegalStateException(
                    "the PagerDuty relay needs PAGERDUTY_ROUTING_KEY_SECRET_ARN and AWS_REGION");
        }
        var secrets = AwsClients.forRegion(region).secretsManager();
        URI endpoint = URI.create(env.getOrDefault("PAGERDUTY_EVENTS_URL", PagerDutyEvents.ENQUEUE.toString()));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new PagerDutyRelay(
                () -> new PagerDutyEvents(
                        http,
                        endpoint,
                        RoutingKey.parse(
                                secrets.getSecretValue(b -> b.secretId(arn)).secretString())),
                Clock.systemUTC());
    }

    /** The I/O threads of a service: daemons, so that a finished invocation's pool never keeps the JVM alive. */
    private static ExecutorService daemonPool(int threads, String prefix) {
        return Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().daemon().name(prefix, 0).factory());
    }
}
