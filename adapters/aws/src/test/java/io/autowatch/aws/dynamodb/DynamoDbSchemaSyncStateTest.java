package io.autowatch.aws.dynamodb;

import static java.time.ZoneOffset.UTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.testing.DynamoDbLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The webhook's command counts and the repositories in use, on DynamoDB Local: an atomic add, forgotten by the table's
 * time to live; a list read whole, without what expired.
 */
@ExtendWith(DynamoDbLocal.class)
class DynamoDbSchemaSyncStateTest {

    @Test
    void increment_countsEveryCallOnce_evenAtOnce_andSetsWhenToForgetOnlyOnce(DynamoDbClient dynamoDb)
            throws Exception {
        String table = DynamoDbLocal.uniqueName("schema-sync");
        dynamoDb.createTable(Tables.schemaSyncTable(table));
        var state = new DynamoDbSchemaSyncState(dynamoDb, table, Clock.systemUTC());
        Instant forget = Instant.parse("2026-12-08T00:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            counts.add(pool.submit(() -> state.increment("pr:o/r#7@2026-12-07T22", forget)));
        }
        List<Long> seen = new ArrayList<>();
        for (Future<Long> count : counts) {
            seen.add(count.get());
        }
        pool.shutdownNow();
        state.increment("pr:o/r#7@2026-12-07T22", forget.plusSeconds(3600));

        assertThat(seen)
                .as("each add saw its own count")
                .doesNotHaveDuplicates()
                .hasSize(40);
        assertThat(seen).containsAll(List.of(1L, 40L));
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("COUNT#pr:o/r#7@2026-12-07T22"),
                                "sk", AttributeValue.fromS("-"))))
                .item();
        assertThat(item.get("n").n()).isEqualTo("41");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(forget.getEpochSecond()));
    }

    @Test
    void theRepositoriesInUse_areRememberedOnceEach_withTheirOwnSpelling_untilAQuietSpellOf90Days(
            DynamoDbClient dynamoDb) {
        String table = DynamoDbLocal.uniqueName("schema-sync");
        dynamoDb.createTable(Tables.schemaSyncTable(table));
        Instant now = Instant.parse("2026-12-08T06:00:00Z");
        var lastQuarter =
                new DynamoDbSchemaSyncState(dynamoDb, table, Clock.fixed(now.minus(Duration.ofDays(91)), UTC));
        var today = new DynamoDbSchemaSyncState(dynamoDb, table, Clock.fixed(now, UTC));
        lastQuarter.remember("quiet/schemas");
        lastQuarter.remember("Shop/Events");
        today.remember("shop/events"); // the same repository, heard from again: one entry, kept longer
        today.remember("Shop/Schemas");

        assertThat(today.all())
                .as("TTL removes an expired entry only within days: it is not read as in use")
                .containsExactly("shop/events", "Shop/Schemas");
    }

    @Test
    void theRepositoriesInUse_areReadWhole_acrossPages(DynamoDbClient dynamoDb) {
        String table = DynamoDbLocal.uniqueName("schema-sync");
        dynamoDb.createTable(Tables.schemaSyncTable(table));
        var state = new DynamoDbSchemaSyncState(dynamoDb, table, Clock.systemUTC());
        for (int i = 0; i < 1_200; i++) {
            state.remember("owner/repository-" + i);
        }

        assertThat(state.all()).as("two pages of 1,000").hasSize(1_200).doesNotHaveDuplicates();
    }
}
