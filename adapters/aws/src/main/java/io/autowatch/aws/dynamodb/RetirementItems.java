package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The health table's retirement items ({@code RETIRED} / job): one per retired job, with the day it was retired. */
final class RetirementItems {

    private final DynamoDbClient dynamoDb;
    private final String table;

    RetirementItems(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    void retire(JobId job, LocalDate day) {
        Map<String, AttributeValue> item = new HashMap<>(HealthKeys.retired(job));
        item.put("day", AttributeValue.fromS(day.toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item));
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "retiring " + job, e);
        }
    }

    void unretire(JobId job) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table).key(HealthKeys.retired(job)));
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "forgetting the retirement of " + job, e);
        }
    }

    Map<JobId, LocalDate> retired() {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(HealthKeys.RETIRED)))
                .build();
        Map<JobId, LocalDate> retired = new LinkedHashMap<>();
        try {
            for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    retired.put(
                            JobId.of(item.get(HealthKeys.SK).s()),
                            LocalDate.parse(item.get("day").s()));
                }
            }
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "reading retired jobs", e);
        }
        return retired;
    }
}
