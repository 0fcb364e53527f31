package io.autowatch.aws.dynamodb;

import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.StoredResults;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads back what {@link DynamoDbResultStore} writes. {@link #latest} scans the health table (for the dashboard
 * and the CLI, not the check: a deployment with many jobs and days pays one scan per call).
 */
public final class DynamoDbStoredResults implements StoredResults {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbStoredResults(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<StoredResult> latest() {
        return overview().latest();
    }

    /** One scan of the results gives both each job's latest result and its latest day that alerted. */
    @Override
    public Overview overview() {
        Map<String, StoredResult> latest = new TreeMap<>();
        Map<String, LocalDate> alerted = new TreeMap<>();
        ScanRequest scan = ScanRequest.builder()
                .tableName(table)
                .filterExpression("begins_with(#pk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK))
                .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(HealthKeys.RESULT_PREFIX)))
                .build();
        for (ScanResponse page : dynamoDb.scanPaginator(scan)) {
            for (Map<String, AttributeValue> item : page.items()) {
                StoredResult result = ResultItems.read(item);
                latest.merge(result.job(), result, (a, b) -> a.day().isAfter(b.day()) ? a : b);
                if (result.alerted()) {
                    alerted.merge(result.job(), result.day(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return new Overview(List.copyOf(latest.values()), alerted);
    }

    @Override
    public List<StoredResult> between(String job, LocalDate from, LocalDate to) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK, "#sk", HealthKeys.SK))
                .expressionAttributeValues(Map.of(
                        ":pk",
                        AttributeValue.fromS(HealthKeys.RESULT_PREFIX + job),
                        ":from",
                        AttributeValue.fromS(from.toString()),
                        ":to",
                        AttributeValue.fromS(to.toString())))
                .build();
        List<StoredResult> results = new ArrayList<>();
        for (QueryResponse page : dynamoDb.queryPaginator(query)) {
            page.items().forEach(item -> results.add(ResultItems.read(item)));
        }
        return results;
    }
}
