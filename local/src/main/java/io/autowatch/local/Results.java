package io.autowatch.local;

import io.autowatch.health.dynamodb.HealthKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Reads stored check results back, for the dashboard, the chart export and the CLI. */
final class Results {

    /** One stored result: each day's bands are the ones the check computed from that day's own history. */
    record Point(LocalDate day, long count, String status, Optional<Double> mean, Optional<Double> sigmaLow,
            Optional<Double> sigmaHigh, Optional<Double> percentLow, Optional<Double> percentHigh) {}

    record Latest(String job, LocalDate day, String status, long count) {
        Map<String, Object> json() {
            return Map.of("job", job, "day", day.toString(), "status", status, "count", count);
        }
    }

    private final DynamoDbClient dynamoDb;
    private final String table;

    Results(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Every job's most recent result, worst first, then by job. */
    List<Latest> latest() {
        Map<String, Latest> latest = new TreeMap<>();
        ScanRequest scan = ScanRequest.builder().tableName(table)
                .filterExpression("begins_with(#pk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK, "#c", "count", "#s", "status", "#d", "day",
                        "#j", "job"))
                .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(HealthKeys.RESULT_PREFIX)))
                .projectionExpression("#j, #d, #s, #c").build();
        for (ScanResponse page : dynamoDb.scanPaginator(scan)) {
            for (Map<String, AttributeValue> item : page.items()) {
                Latest result = new Latest(item.get("job").s(), LocalDate.parse(item.get("day").s()),
                        item.get("status").s(), item.containsKey("count") ? Long.parseLong(item.get("count").n()) : 0);
                latest.merge(result.job(), result, (a, b) -> a.day().isAfter(b.day()) ? a : b);
            }
        }
        List<Latest> list = new ArrayList<>(latest.values());
        list.sort(Comparator.comparingInt((Latest l) -> rank(l.status())).thenComparing(Latest::job));
        return list;
    }

    /** A job's results from {@code from} to {@code to}, oldest first. */
    List<Point> series(String job, LocalDate from, LocalDate to) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", HealthKeys.PK, "#sk", HealthKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(HealthKeys.RESULT_PREFIX + job),
                        ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString())))
                .build();
        List<Point> points = new ArrayList<>();
        for (QueryResponse page : dynamoDb.queryPaginator(query)) {
            for (Map<String, AttributeValue> item : page.items()) {
                points.add(new Point(LocalDate.parse(item.get("day").s()),
                        item.containsKey("count") ? Long.parseLong(item.get("count").n()) : 0,
                        item.get("status").s(), number(item, "mean"), number(item, "sigmaLow"),
                        number(item, "sigmaHigh"), number(item, "percentLow"), number(item, "percentHigh")));
            }
        }
        return points;
    }

    /** The chart's data: parallel arrays, {@code null} where a day has no band (too little history). */
    static Map<String, Object> chartJson(String job, List<Point> points) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("job", job);
        chart.put("days", points.stream().map(p -> p.day().toString()).toList());
        chart.put("counts", points.stream().map(Point::count).toList());
        chart.put("statuses", points.stream().map(Point::status).toList());
        chart.put("sigmaLow", points.stream().map(p -> p.sigmaLow().orElse(null)).toList());
        chart.put("sigmaHigh", points.stream().map(p -> p.sigmaHigh().orElse(null)).toList());
        chart.put("percentLow", points.stream().map(p -> p.percentLow().orElse(null)).toList());
        chart.put("percentHigh", points.stream().map(p -> p.percentHigh().orElse(null)).toList());
        return chart;
    }

    private static Optional<Double> number(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(v -> Double.parseDouble(v.n()));
    }

    private static int rank(String status) {
        return switch (status) {
            case "UNHEALTHY" -> 0;
            case "FAILED" -> 1;
            case "ZERO" -> 2;
            case "INSUFFICIENT_HISTORY" -> 3;
            default -> 4;
        };
    }
}
