package io.autowatch.aws.dynamodb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A parallel scan of the counts table, keeping the items of a range of days: how a run reads when no job registry
 * lists its jobs, and how the registry is filled.
 */
final class CountsScan {

    /**
     * At least as many segments as a run has reader threads (each reads one at a time), or one per 2 GB of the table
     * when that is more (AWS's advice for parallel scans), up to this many.
     */
    static final int MAX_SEGMENTS = 64;

    private static final int THREAD_SEGMENTS = 16;
    private static final long BYTES_PER_SEGMENT = 2L << 30;

    private final DynamoDbClient dynamoDb;
    private final String table;

    CountsScan(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    int segments() {
        long bytes;
        try {
            bytes = dynamoDb.describeTable(b -> b.tableName(table)).table().tableSizeBytes();
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "describing the counts table", e);
        }
        return (int) Math.max(THREAD_SEGMENTS, Math.min(MAX_SEGMENTS, bytes / BYTES_PER_SEGMENT));
    }

    /** One segment's items of the days read, with the attributes {@code projection} names ({@code #j #d #c}). */
    List<Map<String, AttributeValue>> segment(
            int segment, int segments, LocalDate from, LocalDate to, String projection) {
        ScanRequest request = ScanRequest.builder()
                .tableName(table)
                .segment(segment)
                .totalSegments(segments)
                .filterExpression("#d BETWEEN :from AND :to")
                .expressionAttributeNames(
                        projection.contains("#c")
                                ? Map.of("#d", "day", "#j", "job", "#c", "count")
                                : Map.of("#d", "day", "#j", "job"))
                .expressionAttributeValues(Map.of(
                        ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString())))
                .projectionExpression(projection)
                .build();
        try {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (ScanResponse page : dynamoDb.scanPaginator(request)) {
                items.addAll(page.items());
            }
            return items;
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "scanning the counts from " + from + " to " + to, e);
        }
    }
}
