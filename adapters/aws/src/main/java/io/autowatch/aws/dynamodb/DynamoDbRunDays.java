package io.autowatch.aws.dynamodb;

import io.autowatch.healthcheck.RunDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Which execution runs each day's sharded check: one item per day ({@code RUN_DAY}, the day), written once. */
public final class DynamoDbRunDays implements RunDays {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRunDays(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String claim(LocalDate day, String execution) {
        Map<String, AttributeValue> item = new HashMap<>(HealthKeys.runDay(day));
        item.put("execution", AttributeValue.fromS(execution));
        item.put("plannedAt", AttributeValue.fromS(Instant.now().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR execution = :execution")
                    .expressionAttributeNames(Map.of("#pk", HealthKeys.PK))
                    .expressionAttributeValues(Map.of(":execution", AttributeValue.fromS(execution)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return execution;
        } catch (ConditionalCheckFailedException e) {
            AttributeValue other = DynamoDbErrors.itemInTheWay(e, dynamoDb, table, HealthKeys.runDay(day))
                    .get("execution");
            return other == null ? "another execution" : other.s();
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "claiming the run of " + day, e);
        }
    }
}
