package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.run.Parallel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The job registry in the health table: one item per job under its bucket's partition ({@code JOBS#0000} to
 * {@code JOBS#1023}, {@link HealthKeys#registered}), holding the first and the last day it wrote. A shard reads its
 * buckets' partitions, one query each, in parallel; a day's new jobs spread over 1,024 partition keys.
 */
public final class DynamoDbJobRegistry implements JobRegistry {

    /** Set once the counts stored before the registry existed were recorded in it. */
    private static final Map<String, AttributeValue> FILLED = HealthKeys.key(HealthKeys.JOBS_PREFIX + "FILLED", "-");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ExecutorService executor;

    public DynamoDbJobRegistry(DynamoDbClient dynamoDb, String table, ExecutorService executor) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.executor = executor;
    }

    @Override
    public Set<JobId> jobs(Shard shard, LocalDate since) {
        Set<JobId> jobs = Collections.synchronizedSet(new HashSet<>());
        List<Callable<Void>> reads = new ArrayList<>();
        for (int bucket = shard.firstBucket(); bucket < shard.endBucket(); bucket++) {
            QueryRequest request = query(bucket, since)
                    .projectionExpression("#sk")
                    .expressionAttributeNames(Map.of("#pk", HealthKeys.PK, "#sk", HealthKeys.SK))
                    .build();
            reads.add(() -> {
                for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                    page.items()
                            .forEach(item ->
                                    jobs.add(JobId.of(item.get(HealthKeys.SK).s())));
                }
                return null;
            });
        }
        run(reads, "listing the jobs of " + shard);
        return Set.copyOf(jobs);
    }

    @Override
    public long count(LocalDate since) {
        AtomicLong count = new AtomicLong();
        List<Callable<Void>> reads = new ArrayList<>();
        for (int bucket = 0; bucket < Shard.BUCKETS; bucket++) {
            QueryRequest request = query(bucket, since).select(Select.COUNT).build();
            reads.add(() -> {
                for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                    count.addAndGet(page.count());
                }
                return null;
            });
        }
        run(reads, "counting the registered jobs");
        return count.get();
    }

    private QueryRequest.Builder query(int bucket, LocalDate since) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .filterExpression("lastDay >= :since")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(HealthKeys.jobsBucket(bucket)),
                        ":since", AttributeValue.fromS(since.toString())));
    }

    /** One conditional update per job: the last day only ever moves forward, the first is set once. */
    @Override
    public void record(Map<JobId, LocalDate> days) {
        List<Callable<Void>> writes = new ArrayList<>();
        days.forEach((job, day) -> writes.add(() -> {
            try {
                dynamoDb.updateItem(b -> b.tableName(table)
                        .key(HealthKeys.registered(job))
                        .updateExpression("SET lastDay = :day, firstDay = if_not_exists(firstDay, :day)")
                        .conditionExpression("attribute_not_exists(lastDay) OR lastDay < :day")
                        .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(day.toString()))));
            } catch (ConditionalCheckFailedException e) {
                // A later day is recorded already.
            } catch (RuntimeException e) {
                throw DynamoDbErrors.translate(table, "registering " + job, e);
            }
            return null;
        }));
        run(writes, "registering jobs");
    }

    @Override
    public boolean filled() {
        try {
            return dynamoDb.getItem(b -> b.tableName(table).key(FILLED).consistentRead(true))
                    .hasItem();
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "reading whether the job registry was filled", e);
        }
    }

    @Override
    public void markFilled(LocalDate on) {
        Map<String, AttributeValue> item = new HashMap<>(FILLED);
        item.put("filledOn", AttributeValue.fromS(on.toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item));
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "marking the job registry filled", e);
        }
    }

    private void run(List<Callable<Void>> work, String what) {
        try {
            Parallel.all(executor, work);
        } catch (SystemFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SystemFailureException(what + " in table '" + table + "' failed after retries: " + e, e);
        }
    }
}
