package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The notification ledger and open incidents in the health table. Every decision is a conditional write, so that
 * two runs of the same day (a retry overlapping a manual run) cannot both publish.
 */
public final class DynamoDbAlertLedger implements AlertLedger {

    /** Ledger items expire (DynamoDB TTL on {@code expiresAt}) long after a re-run could still need them. */
    private static final Duration KEEP = Duration.ofDays(400);

    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RetirementItems retirements;

    public DynamoDbAlertLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.retirements = new RetirementItems(dynamoDb, table);
    }

    @Override
    public boolean claim(JobId job, LocalDate day, Kind kind, Instant now, Duration staleAfter, String run) {
        Map<String, AttributeValue> item = new HashMap<>(HealthKeys.notice(job, day, kind));
        item.put("job", AttributeValue.fromS(job.value()));
        item.put("claimedAt", epochMillis(now));
        item.put("run", AttributeValue.fromS(run.isEmpty() ? "-" : run));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond())));
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR (attribute_not_exists(sentAt) AND "
                            + "(claimedAt < :stale OR (#run = :run AND :run <> :none)))")
                    .expressionAttributeNames(Map.of("#pk", HealthKeys.PK, "#run", "run"))
                    .expressionAttributeValues(Map.of(
                            ":stale", epochMillis(now.minus(staleAfter)),
                            ":run", AttributeValue.fromS(run.isEmpty() ? "-" : run),
                            ":none", AttributeValue.fromS("-"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "claiming a notification for " + job + " on " + day, e);
        }
    }

    /** Reads the notices' items 100 keys at a time (BatchGetItem's limit), consistently; keys left unprocessed are claimed. */
    @Override
    public Set<Notice> alreadySent(Collection<Notice> notices) {
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

    @Override
    public void markSent(JobId job, LocalDate day, Kind kind, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(HealthKeys.notice(job, day, kind))
                    .updateExpression("SET sentAt = :now")
                    .expressionAttributeValues(Map.of(":now", epochMillis(now))));
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "marking a notification sent for " + job + " on " + day, e);
        }
    }

    @Override
    public void release(JobId job, LocalDate day, Kind kind) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(HealthKeys.notice(job, day, kind))
                    .conditionExpression("attribute_not_exists(sentAt)"));
        } catch (ConditionalCheckFailedException e) {
            // Sent by another run meanwhile: nothing to give back.
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "releasing a notification claim for " + job + " on " + day, e);
        }
    }

    @Override
    public Map<JobId, OpenIncident> openIncidents() {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(HealthKeys.OPEN_INCIDENT)))
                .consistentRead(true)
                .build();
        Map<JobId, OpenIncident> open = new LinkedHashMap<>();
        try {
            for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    OpenIncident incident = new OpenIncident(
                            JobId.of(item.get(HealthKeys.SK).s()),
                            LocalDate.parse(item.get("openedDay").s()),
                            LocalDate.parse(item.get("lastAlertDay").s()),
                            Severity.parse(item.get("severity").s()),
                            HealthStatus.valueOf(item.get("lastStatus").s()),
                            // Items written before "paged" was: they paged if their severity was critical.
                            Optional.ofNullable(item.get("paged"))
                                    .map(AttributeValue::bool)
                                    .orElse(Severity.parse(item.get("severity").s()) == Severity.CRITICAL));
                    open.put(incident.job(), incident);
                }
            }
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "reading open incidents", e);
        }
        return open;
    }

    @Override
    public void recordAlert(OpenIncident incident) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":day", AttributeValue.fromS(incident.lastAlertDay().toString()));
        values.put(":severity", AttributeValue.fromS(incident.severity().wireName()));
        values.put(":status", AttributeValue.fromS(incident.lastStatus().name()));
        String update = "SET openedDay = if_not_exists(openedDay, :day), lastAlertDay = :day, severity = :severity, "
                + "lastStatus = :status";
        if (incident.paged()) {
            // "paged" only ever becomes true: a page, once sent, is resolved whatever the severity is later.
            update += ", paged = :paged";
            values.put(":paged", AttributeValue.fromBool(true));
        }
        String expression = update;
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(HealthKeys.openIncident(incident.job()))
                    .updateExpression(expression)
                    .conditionExpression("attribute_not_exists(lastAlertDay) OR lastAlertDay <= :day")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // A later day already alerted on this incident (a backfill of an older day): keep the later one.
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "recording an incident for " + incident.job(), e);
        }
    }

    @Override
    public boolean close(OpenIncident incident) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(HealthKeys.openIncident(incident.job()))
                    .conditionExpression("lastAlertDay = :day")
                    .expressionAttributeValues(Map.of(
                            ":day", AttributeValue.fromS(incident.lastAlertDay().toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            // A newer alert landed on the incident meanwhile: it stays open.
            return false;
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "closing the incident of " + incident.job(), e);
        }
    }

    @Override
    public void retire(JobId job, LocalDate day) {
        retirements.retire(job, day);
    }

    @Override
    public void unretire(JobId job) {
        retirements.unretire(job);
    }

    @Override
    public Map<JobId, LocalDate> retired() {
        return retirements.retired();
    }

    private static AttributeValue epochMillis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }
}
