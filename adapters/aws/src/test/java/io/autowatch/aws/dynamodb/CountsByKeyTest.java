package io.autowatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.run.RegistryBackfill;
import io.autowatch.testing.DynamoDbLocal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A run's read by key on DynamoDB Local, handed over a part at a time as the parts are read. */
@ExtendWith(DynamoDbLocal.class)
class CountsByKeyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final int DAYS = 2;
    private static final LocalDate FROM = DAY.minusDays(DAYS - 1);
    private static final int JOBS = 2 * CountsByKey.JOBS_PER_PART + 100;

    private DynamoDbClient dynamoDb;
    private String counts;
    private String health;
    private ExecutorService executor;

    @BeforeEach
    void seed(DynamoDbClient client) {
        dynamoDb = client;
        counts = DynamoDbLocal.uniqueName("counts");
        health = DynamoDbLocal.uniqueName("health");
        Tables.create(dynamoDb, counts, health);
        CountWriter writer = new CountWriter(dynamoDb, counts);
        for (int i = 0; i < JOBS; i++) {
            for (int d = 0; d < DAYS; d++) {
                writer.add(JobId.of("job/" + i), DAY.minusDays(d), 100 + i + d);
            }
        }
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private DynamoDbCountsReader filledReader(DynamoDbClient client, int threads) {
        executor = Executors.newFixedThreadPool(threads);
        var registry = new DynamoDbJobRegistry(dynamoDb, health, executor);
        RegistryBackfill.fill(new DynamoDbCountsReader(dynamoDb, counts, executor), registry, FROM, DAY);
        registry.markFilled(DAY);
        return new DynamoDbCountsReader(client, counts, executor, registry);
    }

    @Test
    void theParts_holdWholeJobs_aSlicesWorthEach_andTogetherExactlyWhatOneReadReturns() {
        DynamoDbCountsReader reader = filledReader(dynamoDb, 4);
        List<Snapshot> parts = Collections.synchronizedList(new ArrayList<>());

        reader.readInParts(FROM, DAY, Shard.ALL, Set.of(), parts::add);

        assertThat(parts)
                .extracting(p -> p.series().size())
                .containsExactlyInAnyOrder(CountsByKey.JOBS_PER_PART, CountsByKey.JOBS_PER_PART, 100);
        Snapshot whole = reader.read(FROM, DAY);
        Map<JobId, Object> seen = new HashMap<>();
        parts.forEach(p -> p.series().forEach((job, series) -> {
            assertThat(seen.put(job, series)).as(job + " in one part only").isNull();
            assertThat(series.recordedBetween(FROM, DAY))
                    .as("every day of the job, in its part")
                    .hasSize(DAYS)
                    .isEqualTo(whole.series().get(job).recordedBetween(FROM, DAY));
        }));
        assertThat(seen.keySet()).isEqualTo(whole.series().keySet()).hasSize(JOBS);
    }

    @Test
    void aFewNamedJobs_areReadByKey_evenOneTheStreamHasNotRegisteredYet() {
        DynamoDbCountsReader reader = filledReader(dynamoDb, 2);
        JobId fresh = JobId.of("fresh/job");
        new CountWriter(dynamoDb, counts).add(fresh, DAY, 7); // after the registry was filled
        List<Snapshot> parts = Collections.synchronizedList(new ArrayList<>());

        reader.readInParts(FROM, DAY, Shard.ALL, Set.of(fresh, JobId.of("job/1"), JobId.of("gone/job")), parts::add);

        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.series().keySet()).containsExactlyInAnyOrder(fresh, JobId.of("job/1"));
            assertThat(p.series().get(fresh).countOn(DAY)).hasValue(7);
        });
    }

    @Test
    void aJobsReadThatFails_stopsTheRead_handsOverOnlyThePartsReadWhole_andFailsTheRun() {
        AtomicInteger queries = new AtomicInteger();
        int failing = CountsByKey.JOBS_PER_PART + 50; // the 301st job's query: in the second part
        DynamoDbClient failsOnce = new DynamoDbClient() {
            @Override
            public QueryResponse query(QueryRequest request) {
                if (queries.incrementAndGet() == failing) {
                    throw new IllegalStateException("connection reset");
                }
                return dynamoDb.query(request);
            }

            @Override
            public String serviceName() {
                return dynamoDb.serviceName();
            }

            @Override
            public void close() {}
        };
        // One thread reads one job after another, so which job fails is known (the registry reads on its own client).
        DynamoDbCountsReader reader = filledReader(failsOnce, 1);
        List<Snapshot> parts = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> reader.readInParts(FROM, DAY, Shard.ALL, Set.of(), parts::add))
                .isInstanceOf(SystemFailureException.class)
                .hasMessageContaining("connection reset");

        assertThat(parts)
                .as("the first part only: the second lacks the job whose read failed")
                .singleElement()
                .satisfies(p -> assertThat(p.series()).hasSize(CountsByKey.JOBS_PER_PART));
        assertThat(queries.get()).as("no job is read after the failure").isEqualTo(failing);
    }
}
