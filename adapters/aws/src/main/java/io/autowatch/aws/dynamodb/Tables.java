package io.autowatch.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The two tables' shapes, as template.yaml declares them; used to create them for tests and local runs.
 *
 * <p>Counts table (README, "The counts interface"): key {@code job} + {@code day}, attribute {@code count}. Its global secondary index
 * {@value #BY_DAY_INDEX} (key {@code day} + {@code job}, projecting {@code count}) lets one run read every job's
 * day with one query per day instead of one per job. Writers do not change anything for it.
 *
 * <p>Health table: generic {@code pk} + {@code sk}, holding settings overrides, check results, the notification
 * ledger and open incidents (see {@link HealthKeys}).
 */
public final class Tables {

    public static final String BY_DAY_INDEX = "by-day";

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
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(BY_DAY_INDEX)
                        .keySchema(
                                KeySchemaElement.builder()
                                        .attributeName("day")
                                        .keyType(KeyType.HASH)
                                        .build(),
                                KeySchemaElement.builder()
                                        .attributeName("job")
                                        .keyType(KeyType.RANGE)
                                        .build())
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("count")
                                .build())
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
