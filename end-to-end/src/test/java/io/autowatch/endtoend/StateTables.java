package io.autowatch.endtoend;

import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.aws.dynamodb.Tables;
import io.autowatch.testing.DynamoDbLocal;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A new schema-sync table on DynamoDB Local (in this JVM), for the webhook's deliveries and heads. */
final class StateTables {

    private StateTables() {}

    static DynamoDbSchemaSyncState fresh() {
        try {
            DynamoDbLocal.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
        DynamoDbClient dynamoDb = DynamoDbLocal.client();
        String table = DynamoDbLocal.uniqueName("schema-sync");
        dynamoDb.createTable(Tables.schemaSyncTable(table));
        return new DynamoDbSchemaSyncState(dynamoDb, table, Clock.systemUTC());
    }
}
