package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * For Java jobs: records work in the counts table with the one call every writer makes (README, "The counts interface"), an atomic
 * {@code ADD} to the job's item for the day. Safe to call from any number of tasks at once.
 */
public final class CountWriter {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public CountWriter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb);
        this.table = Objects.requireNonNull(table);
    }

    /**
     * Adds {@code amount} (0 allowed: it records that the job ran and did nothing) to the job's day.
     *
     * @return the day's count after the addition
     */
    public long add(JobId job, LocalDate day, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a count only grows; cannot add " + amount + " for " + job);
        }
        var updated = dynamoDb.updateItem(request(table, job, day, amount).toBuilder()
                .returnValues(ReturnValue.UPDATED_NEW)
                .build());
        return Long.parseLong(updated.attributes().get("count").n());
    }

    /** Adds {@code amount} to the day that {@code now} falls on in the job's time zone. */
    public long add(JobId job, Instant now, ZoneId zone, long amount) {
        return add(job, now.atZone(zone).toLocalDate(), amount);
    }

    /** The exact request, for callers who batch or wrap it themselves. */
    public static UpdateItemRequest request(String table, JobId job, LocalDate day, long amount) {
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(Map.of(
                        "job", AttributeValue.fromS(job.value()),
                        "day", AttributeValue.fromS(day.toString())))
                .updateExpression("ADD #c :n")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(amount))))
                .build();
    }
}
