package io.autowatch.aws.dynamodb;

import io.autowatch.healthcheck.SystemFailureException;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Tells a failure of the whole system (no table, no access) from a failure of one request. */
final class DynamoDbErrors {

    private static final Set<String> SYSTEMIC_CODES = Set.of(
            "AccessDeniedException",
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "MissingAuthenticationTokenException",
            "ExpiredTokenException");

    private DynamoDbErrors() {}

    /** A {@link SystemFailureException} for systemic errors; the exception itself otherwise. */
    static RuntimeException translate(String table, String action, RuntimeException e) {
        if (e instanceof ResourceNotFoundException) {
            return new SystemFailureException(
                    "DynamoDB table '" + table + "' (or its index) does not exist: " + action + " failed", e);
        }
        if (e instanceof DynamoDbException d
                && d.awsErrorDetails() != null
                && SYSTEMIC_CODES.contains(d.awsErrorDetails().errorCode())) {
            return new SystemFailureException(
                    "DynamoDB refused " + action + " on table '" + table + "': "
                            + d.awsErrorDetails().errorMessage(),
                    e);
        }
        return e;
    }

    /**
     * The item a conditional write found in its way: the one the failure returned (ReturnValuesOnConditionCheckFailure
     * ALL_OLD), or, from an endpoint that does not return it, a consistent read of the key; empty if it is gone.
     */
    static Map<String, AttributeValue> itemInTheWay(
            ConditionalCheckFailedException e, DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> key) {
        if (e.hasItem() && !e.item().isEmpty()) {
            return e.item();
        }
        return dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                .item();
    }
}
