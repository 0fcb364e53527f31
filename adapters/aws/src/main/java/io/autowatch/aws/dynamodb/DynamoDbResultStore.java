package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.ResultStore;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.run.Parallel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Stores results as items {@code RESULT#job / day} with {@code BatchWriteItem}, 25 at a time, batches in parallel.
 * Items DynamoDB leaves unprocessed are retried with exponential backoff; what is still unprocessed then is
 * reported back by job.
 */
public final class DynamoDbResultStore implements ResultStore {

    private static final int BATCH = 25;
    private static final int ATTEMPTS = 6;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ExecutorService executor;

    public DynamoDbResultStore(DynamoDbClient dynamoDb, String table, ExecutorService executor) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.executor = executor;
    }

    @Override
    public Set<JobId> saveAll(List<CheckResult> results) {
        Set<JobId> unsaved = ConcurrentHashMap.newKeySet();
        List<Callable<Void>> writes = new ArrayList<>();
        for (int i = 0; i < results.size(); i += BATCH) {
            List<CheckResult> batch = results.subList(i, Math.min(results.size(), i + BATCH));
            writes.add(() -> {
                write(batch, unsaved);
                return null;
            });
        }
        Parallel.all(executor, writes);
        return unsaved;
    }

    private void write(List<CheckResult> batch, Set<JobId> unsaved) {
        Map<Map<String, AttributeValue>, JobId> jobsByKey = new HashMap<>();
        List<WriteRequest> pending = new ArrayList<>();
        for (CheckResult result : batch) {
            Map<String, AttributeValue> item = ResultItems.item(result);
            jobsByKey.put(
                    Map.of(HealthKeys.PK, item.get(HealthKeys.PK), HealthKeys.SK, item.get(HealthKeys.SK)),
                    result.job());
            pending.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        try {
            for (int attempt = 1; !pending.isEmpty() && attempt <= ATTEMPTS; attempt++) {
                if (attempt > 1) {
                    Backoff.sleep(attempt);
                }
                List<WriteRequest> sending = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
                pending = response.unprocessedItems().getOrDefault(table, List.of());
            }
        } catch (RuntimeException e) {
            RuntimeException translated = DynamoDbErrors.translate(table, "storing results", e);
            if (translated instanceof SystemFailureException) {
                throw translated;
            }
            batch.forEach(r -> unsaved.add(r.job()));
            return;
        }
        for (WriteRequest left : pending) {
            Map<String, AttributeValue> item = left.putRequest().item();
            unsaved.add(jobsByKey.get(
                    Map.of(HealthKeys.PK, item.get(HealthKeys.PK), HealthKeys.SK, item.get(HealthKeys.SK))));
        }
    }
}
