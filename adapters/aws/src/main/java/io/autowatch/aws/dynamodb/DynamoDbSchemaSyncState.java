package io.autowatch.aws.dynamodb;

import io.autowatch.schemasync.intake.CommandCounter;
import io.autowatch.schemasync.intake.DeliveryLedger;
import io.autowatch.schemasync.intake.KnownRepositories;
import io.autowatch.schemasync.intake.PullRequestHeads;
import io.autowatch.schemasync.intake.PullRequestHeads.Head;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The webhook's memory in the schema-sync table ({@code pk} + {@code sk}, TTL on {@code expiresAt}): accepted
 * deliveries ({@code ONCE#key}, kept 30 days, written with a condition so that two concurrent deliveries cannot
 * both be first) and each pull request's last known head ({@code HEAD#owner/name#number}, kept 90 days, written
 * only when newer than what is there), the command counts ({@code COUNT#key}, kept two hours) and the repositories in
 * use ({@code REPOS} + the lower-cased name, kept 90 days after their last delivery), which the drift check reads.
 */
public final class DynamoDbSchemaSyncState
        implements DeliveryLedger, PullRequestHeads, CommandCounter, KnownRepositories {

    static final Duration KEEP_DELIVERIES = Duration.ofDays(30);
    static final Duration KEEP_HEADS = Duration.ofDays(90);
    static final Duration KEEP_REPOSITORIES = Duration.ofDays(90);
    static final String REPOSITORIES = "REPOS";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbSchemaSyncState(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean firstTime(String key) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS("ONCE#" + key),
                            "sk", AttributeValue.fromS("-"),
                            "expiresAt", expiry(KEEP_DELIVERIES)))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void forget(String key) {
        dynamoDb.deleteItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("ONCE#" + key), "sk", AttributeValue.fromS("-"))));
    }

    @Override
    public void moved(String repository, int pullRequest, String headSha, Instant at) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(headKey(repository, pullRequest)),
                            "sk", AttributeValue.fromS("-"),
                            "sha", AttributeValue.fromS(headSha),
                            "at", AttributeValue.fromN(Long.toString(at.toEpochMilli())),
                            "expiresAt", expiry(KEEP_HEADS)))
                    // GitHub may deliver events out of order: an older head never replaces a newer one.
                    .conditionExpression("attribute_not_exists(pk) OR #at <= :at")
                    .expressionAttributeNames(Map.of("#at", "at"))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())))));
        } catch (ConditionalCheckFailedException e) {
            // A newer head is recorded already.
        }
    }

    @Override
    public Optional<Head> head(String repository, int pullRequest) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                "pk", AttributeValue.fromS(headKey(repository, pullRequest)),
                                "sk", AttributeValue.fromS("-"))))
                .item();
        if (item == null || !item.containsKey("sha")) {
            return Optional.empty();
        }
        return Optional.of(new Head(
                item.get("sha").s(),
                Instant.ofEpochMilli(Long.parseLong(item.get("at").n()))));
    }

    /** An atomic add on the key's item, which DynamoDB's time to live removes after {@code forgetAfter}. */
    @Override
    public long increment(String key, Instant forgetAfter) {
        return Long.parseLong(dynamoDb.updateItem(b -> b.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS("COUNT#" + key), "sk", AttributeValue.fromS("-")))
                        .updateExpression("ADD #n :one SET expiresAt = if_not_exists(expiresAt, :until)")
                        .expressionAttributeNames(Map.of("#n", "n"))
                        .expressionAttributeValues(Map.of(
                                ":one", AttributeValue.fromN("1"),
                                ":until", AttributeValue.fromN(Long.toString(forgetAfter.getEpochSecond()))))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes()
                .get("n")
                .n());
    }

    @Override
    public void remember(String repository) {
        dynamoDb.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS(REPOSITORIES),
                        "sk", AttributeValue.fromS(repository.toLowerCase(Locale.ROOT)),
                        "name", AttributeValue.fromS(repository),
                        "expiresAt", expiry(KEEP_REPOSITORIES))));
    }

    @Override
    public List<String> all() {
        List<String> names = new ArrayList<>();
        Map<String, AttributeValue> from = null;
        do {
            Map<String, AttributeValue> start = from;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(REPOSITORIES)))
                    .limit(Math.min(1_000, MAX_READ - names.size()))
                    .exclusiveStartKey(start));
            // TTL deletes within days of expiry, not at once: an expired entry is not in use.
            long now = clock.instant().getEpochSecond();
            page.items().stream()
                    .filter(item -> Long.parseLong(item.get("expiresAt").n()) > now)
                    .forEach(item -> names.add(item.get("name").s()));
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null && names.size() < MAX_READ);
        return List.copyOf(names);
    }

    private static String headKey(String repository, int pullRequest) {
        // GitHub's repository names are case-insensitive.
        return "HEAD#" + repository.toLowerCase(Locale.ROOT) + "#" + pullRequest;
    }

    private AttributeValue expiry(Duration keep) {
        return AttributeValue.fromN(Long.toString(clock.instant().plus(keep).getEpochSecond()));
    }
}
