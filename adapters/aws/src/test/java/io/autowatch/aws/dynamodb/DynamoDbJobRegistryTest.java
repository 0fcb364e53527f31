package io.autowatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.run.RegistryBackfill;
import io.autowatch.testing.DynamoDbLocal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The job registry on DynamoDB Local, and a shard's read through it. */
@ExtendWith(DynamoDbLocal.class)
class DynamoDbJobRegistryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(4);

    private DynamoDbClient dynamoDb;
    private String counts;
    private String health;
    private DynamoDbJobRegistry registry;

    @BeforeEach
    void createTables(DynamoDbClient client) {
        dynamoDb = client;
        counts = DynamoDbLocal.uniqueName("counts");
        health = DynamoDbLocal.uniqueName("health");
        Tables.create(dynamoDb, counts, health);
        registry = new DynamoDbJobRegistry(dynamoDb, health, EXECUTOR);
    }

    @AfterAll
    static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    @Test
    void aJob_isListedInItsShard_fromTheLastDayItWrote_andAnEarlierDayNeverMovesThatBack() {
        JobId india = JobId.of("email/daily-active/IN"); // bucket 333
        JobId otp = JobId.of("sms/otp/IN"); // bucket 258
        JobId old = JobId.of("a"); // bucket 579

        registry.record(Map.of(india, DAY, otp, DAY.minusDays(3), old, DAY.minusDays(90)));
        registry.record(Map.of(india, DAY.minusDays(10)));

        Shard first = new Shard(0, 2); // buckets 0–511
        assertThat(registry.jobs(first, DAY.minusDays(42))).containsExactlyInAnyOrder(india, otp);
        assertThat(registry.jobs(first, DAY)).as("the later day was kept").containsExactly(india);
        assertThat(registry.jobs(new Shard(1, 2), DAY.minusDays(42)))
                .as("wrote 90 days ago")
                .isEmpty();
        assertThat(registry.jobs(new Shard(1, 2), DAY.minusDays(100))).containsExactly(old);
        assertThat(registry.count(DAY.minusDays(42))).isEqualTo(2);
    }

    @Test
    void theShardsReads_byRegistryAndKey_togetherReadExactlyWhatTheWholeReadReads() {
        CountWriter writer = new CountWriter(dynamoDb, counts);
        for (int i = 0; i < 60; i++) {
            JobId job = JobId.of("job/" + i);
            for (int d = 0; d < 5; d++) {
                writer.add(job, DAY.minusDays(d), 100 + i + d);
            }
        }
        var reader = new DynamoDbCountsReader(dynamoDb, counts, EXECUTOR, registry);
        LocalDate from = DAY.minusDays(4);
        assertThat(RegistryBackfill.fill(reader, registry, from, DAY)).isEqualTo(60);
        registry.markFilled(DAY);
        Snapshot whole = reader.read(from, DAY);

        Set<JobId> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Shard shard = new Shard(i, 4);
            Snapshot part = reader.read(from, DAY, shard, Set.of());
            assertThat(part.series().keySet()).allMatch(shard::contains);
            part.series().forEach((job, series) -> {
                assertThat(series.recordedBetween(from, DAY))
                        .isEqualTo(whole.series().get(job).recordedBetween(from, DAY));
                assertThat(seen.add(job)).as(job + " in one shard only").isTrue();
            });
        }
        assertThat(seen).isEqualTo(whole.series().keySet());
    }

    @Test
    void aShard_readsTheRegistrysJobsOnceItIsFilled_andScansTheTableBefore() {
        CountWriter writer = new CountWriter(dynamoDb, counts);
        JobId known = JobId.of("email/daily-active/IN");
        JobId unregistered = JobId.of("sms/otp/IN"); // wrote, but no stream told the registry
        writer.add(known, DAY, 10);
        writer.add(unregistered, DAY, 20);
        writer.add(JobId.of("old/job"), DAY.minusDays(60), 5); // outside the days read
        var reader = new DynamoDbCountsReader(dynamoDb, counts, EXECUTOR, registry);
        Shard whole = new Shard(0, 1);

        Snapshot beforeFill = reader.read(DAY.minusDays(4), DAY, whole, Set.of());
        registry.record(Map.of(known, DAY));
        registry.markFilled(DAY);
        Snapshot afterFill = reader.read(DAY.minusDays(4), DAY, whole, Set.of());

        assertThat(beforeFill.series().keySet())
                .as("scanned: every job that wrote in the days read")
                .containsExactlyInAnyOrder(known, unregistered);
        assertThat(afterFill.series().keySet())
                .as("the registry's jobs, by key")
                .containsExactly(known);
        assertThat(afterFill.series().get(known).countOn(DAY)).hasValue(10);
    }

    @Test
    void theCountsTable_hasNoSecondaryIndex_soAnIncrementIsOneWriteOnItsJobsOwnKey() {
        var table = dynamoDb.describeTable(b -> b.tableName(counts)).table();

        assertThat(table.globalSecondaryIndexes()).isEmpty();
        assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("job", "day");
    }
}
