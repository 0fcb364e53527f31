package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.alert.AlertLedger.Claim;
import io.autowatch.healthcheck.alert.AlertLedger.Kind;
import io.autowatch.healthcheck.alert.AlertLedger.Notice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The ledger's claims on notices (DynamoDbAlertLedger): one item per job, day and kind, written only under a
 * condition. A claim carries its holder (one invocation) and a lease ({@code leaseUntil}) that the holder renews;
 * only a lease run out is taken over, and {@code sentAt} ends the claim for good.
 */
final class NoticeClaims {

    /** Ledger items expire (DynamoDB TTL on {@code expiresAt}) long after a re-run could still need them. */
    private static final Duration KEEP = Duration.ofDays(400);

    private static final int BATCH_GET = 100;

    /** How long a claim written before leases lasts: longer than Lambda's 15 minutes, as it did then. */
    private static final Duration LEGACY_EXPIRY = Duration.ofMinutes(16);

    private final DynamoDbClient dynamoDb;
    private final String table;

    NoticeClaims(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    Claim claim(Notice notice, String holder, Instant now, Instant until, String run) {
        Map<String, AttributeValue> item = new HashMap<>(key(notice));
        item.put("job", AttributeValue.fromS(notice.job().value()));
        item.put("claimedAt", epochMillis(now));
        item.put("leaseUntil", epochMillis(until));
        item.put("holder", AttributeValue.fromS(holder));
        item.put("run", AttributeValue.fromS(run.isEmpty() ? "-" : run));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond())));
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(item)
                    // Free, or unsent and its lease run out (its holder died), or this holder's own. A claim written
                    // before leases were (no leaseUntil) lasts LEGACY_EXPIRY from its claimedAt.
                    .conditionExpression("attribute_not_exists(#pk) OR (attribute_not_exists(sentAt) AND "
                            + "(leaseUntil < :now OR #holder = :holder OR "
                            + "(attribute_not_exists(leaseUntil) AND claimedAt < :legacy)))")
                    .expressionAttributeNames(Map.of("#pk", HealthKeys.PK, "#holder", "holder"))
                    .expressionAttributeValues(Map.of(
                            ":now", epochMillis(now),
                            ":holder", AttributeValue.fromS(holder),
                            ":legacy", epochMillis(now.minus(LEGACY_EXPIRY))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.taken();
        } catch (ConditionalCheckFailedException e) {
            return whatHoldsIt(DynamoDbErrors.itemInTheWay(e, dynamoDb, table, key(notice)));
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(
                    table, "claiming a notification for " + notice.job() + " on " + notice.day(), e);
        }
    }

    /** What a claim that could not be taken found: sent, or another holder's live lease (until when). */
    private static Claim whatHoldsIt(Map<String, AttributeValue> found) {
        if (found.isEmpty()) {
            // Gone between the write and the read (released): held for a moment, so the caller claims again.
            return Claim.held(Instant.EPOCH);
        }
        if (found.containsKey("sentAt")) {
            return Claim.sent();
        }
        AttributeValue lease = found.get("leaseUntil");
        Instant until = lease != null
                ? Instant.ofEpochMilli(Long.parseLong(lease.n()))
                : Instant.ofEpochMilli(Long.parseLong(found.get("claimedAt").n()))
                        .plus(LEGACY_EXPIRY);
        return Claim.held(until);
    }

    boolean renew(Notice notice, String holder, Instant until) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(notice))
                    .updateExpression("SET leaseUntil = :until")
                    .conditionExpression("#holder = :holder AND attribute_not_exists(sentAt)")
                    .expressionAttributeNames(Map.of("#holder", "holder"))
                    .expressionAttributeValues(
                            Map.of(":until", epochMillis(until), ":holder", AttributeValue.fromS(holder))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(
                    table, "renewing a notification claim for " + notice.job() + " on " + notice.day(), e);
        }
    }

    private static Map<String, AttributeValue> key(Notice notice) {
        return HealthKeys.notice(notice.job(), notice.day(), notice.kind());
    }

    /** Reads the notices' items 100 keys at a time (BatchGetItem's limit), consistently; keys left unprocessed are claimed. */
    Set<Notice> alreadySent(Collection<Notice> notices) {
        Map<Map<String, AttributeValue>, Notice> byKey = new HashMap<>();
        for (Notice n : notices) {
            byKey.put(HealthKeys.notice(n.job(), n.day(), n.kind()), n);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>(byKey.keySet());
        Set<Notice> sent = new HashSet<>();
        try {
            for (int i = 0; i < keys.size(); i += BATCH_GET) {
                KeysAndAttributes batch = KeysAndAttributes.builder()
                        .keys(keys.subList(i, Math.min(keys.size(), i + BATCH_GET)))
                        .consistentRead(true)
                        .projectionExpression("#pk, #sk, sentAt")
                        .expressionAttributeNames(Map.of("#pk", HealthKeys.PK, "#sk", HealthKeys.SK))
                        .build();
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(table, batch)));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    if (item.containsKey("sentAt")) {
                        Notice n = byKey.get(HealthKeys.key(
                                item.get(HealthKeys.PK).s(),
                                item.get(HealthKeys.SK).s()));
                        if (n != null) {
                            sent.add(n);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "reading which notifications were sent", e);
        }
        return sent;
    }

    void markSent(JobId job, LocalDate day, Kind kind, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(HealthKeys.notice(job, day, kind))
                    .updateExpression("SET sentAt = :now")
                    .expressionAttributeValues(Map.of(":now", epochMillis(now))));
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "marking a notification sent for " + job + " on " + day, e);
        }
    }

    void release(Notice notice, String holder) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(key(notice))
                    .conditionExpression("attribute_not_exists(sentAt) AND #holder = :holder")
                    .expressionAttributeNames(Map.of("#holder", "holder"))
                    .expressionAttributeValues(Map.of(":holder", AttributeValue.fromS(holder))));
        } catch (ConditionalCheckFailedException e) {
            // Sent, or taken over meanwhile: nothing of this holder's to give back.
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(
                    table, "releasing a notification claim for " + notice.job() + " on " + notice.day(), e);
        }
    }

    private static AttributeValue epochMillis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }
}
