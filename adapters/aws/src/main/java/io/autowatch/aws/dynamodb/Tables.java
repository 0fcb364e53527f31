package io.autowatch.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The two tables' shapes, as template.yaml declares them; used to create them for tests and local runs.
 *
 * <p>Counts table (README, "The counts interface"): key {@code job} + {@code day}, attribute {@code count}, and no
 * secondary index, so that an increment costs one write unit and no partition key takes every job's increments.
 *
 * <p>Health table: generic {@code pk} + {@code sk}, holding settings overrides, check results, the notification
 * ledger and open incidents (see {@link HealthKeys}).
 */
public final class Tables {

    private Tables() {}

    public static CreateTableRequest countsTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("job")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("day")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("job")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("day")
                                .keyType(KeyType.RANGE)
                                .build())
                .build();
    }

    public static CreateTableRequest healthTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build())
                .build();
    }

    /** The schema-sync table: the webhook's deliveries and pull-request heads; the same generic key as the health table. */
    public static CreateTableRequest schemaSyncTable(String name) {
        return healthTable(name);
    }

    /** Creates both tables and waits until they are active. */
    public static void create(DynamoDbClient dynamoDb, String countsTable, String healthTable) {
        dynamoDb.createTable(countsTable(countsTable));
        dynamoDb.createTable(healthTable(healthTable));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(countsTable));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(healthTable));
    }
}
