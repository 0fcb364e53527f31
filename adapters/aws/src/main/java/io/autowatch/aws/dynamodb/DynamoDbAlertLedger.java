package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The notification ledger and open incidents in the health table. Every decision is a conditional write, so that
 * two runs of the same day (a twin delivery, a retry overlapping a manual run) cannot both publish: a claim carries
 * its holder and a lease that the holder renews ({@code leaseUntil}), and only a lease run out is taken over.
 */
public final class DynamoDbAlertLedger implements AlertLedger {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RetirementItems retirements;
    private final NoticeClaims claims;

    public DynamoDbAlertLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.retirements = new RetirementItems(dynamoDb, table);
        this.claims = new NoticeClaims(dynamoDb, table);
    }

    @Override
    public Claim claim(Notice notice, String holder, Instant now, Instant until, String run) {
        return claims.claim(notice, holder, now, until, run);
    }

    @Override
    public boolean renew(Notice notice, String holder, Instant until) {
        return claims.renew(notice, holder, until);
    }

    @Override
    public Set<Notice> alreadySent(Collection<Notice> notices) {
        return claims.alreadySent(notices);
    }

    @Override
    public void markSent(JobId job, LocalDate day, Kind kind, Instant now) {
        claims.markSent(job, day, kind, now);
    }

    @Override
    public void release(Notice notice, String holder) {
        claims.release(notice, holder);
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
}
