package io.autowatch.local.demo;

import io.autowatch.aws.dynamodb.HealthKeys;
import io.autowatch.counts.JobId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A year of e-mail sends per country and e-mail type, as a newcomer's first look: weekly seasonality, Brazil
 * growing fast, low-volume countries where zero days are normal, and three incidents near the end: duplicate
 * sends (×2), a partial failure (−60%) and a total failure (nothing sent).
 */
public final class DemoData {

    public record Incident(JobId job, LocalDate day, String what) {}

    private static final List<String> TYPES = List.of("daily-digest", "welcome", "promo");
    /** Country → sends per day of a daily digest; the other types scale from it. */
    private static final Map<String, Integer> COUNTRIES = new LinkedHashMap<>();

    static {
        COUNTRIES.put("IN", 120_000);
        COUNTRIES.put("US", 90_000);
        COUNTRIES.put("DE", 40_000);
        COUNTRIES.put("FR", 30_000);
        COUNTRIES.put("BR", 8_000);
        COUNTRIES.put("IS", 3);
        COUNTRIES.put("LU", 2);
    }

    private DemoData() {}

    public static List<JobId> jobs() {
        List<JobId> jobs = new ArrayList<>();
        for (String country : COUNTRIES.keySet()) {
            for (String type : TYPES) {
                jobs.add(JobId.of("email/" + type + "/" + country));
            }
        }
        return jobs;
    }

    public static List<Incident> incidents(LocalDate lastDay) {
        return List.of(
                new Incident(JobId.of("email/promo/DE"), lastDay.minusDays(20), "duplicate sends (×2)"),
                new Incident(JobId.of("email/daily-digest/US"), lastDay.minusDays(9), "partial failure (−60%)"),
                new Incident(JobId.of("email/welcome/FR"), lastDay.minusDays(2), "total failure (nothing sent)"));
    }

    /** Writes 365 days up to {@code lastDay}; returns how many items. */
    public static int seed(DynamoDbClient dynamoDb, String table, LocalDate lastDay) {
        Random random = new Random(20261121L);
        Map<String, Incident> incidents = new LinkedHashMap<>();
        incidents(lastDay).forEach(i -> incidents.put(i.job().value() + "|" + i.day(), i));
        List<WriteRequest> batch = new ArrayList<>();
        int items = 0;
        for (var country : COUNTRIES.entrySet()) {
            for (String type : TYPES) {
                JobId job = JobId.of("email/" + type + "/" + country.getKey());
                double base = country.getValue()
                        * switch (type) {
                            case "welcome" -> 0.15;
                            case "promo" -> 0.6;
                            default -> 1.0;
                        };
                for (int back = 364; back >= 0; back--) {
                    LocalDate day = lastDay.minusDays(back);
                    double growth = country.getKey().equals("BR") ? Math.pow(1.004, 364 - back) : 1.0;
                    double value =
                            base * growth * weekly(type, day.getDayOfWeek()) * (0.96 + random.nextDouble() * 0.08);
                    long count = base < 10 ? poisson(random, value) : Math.round(value);
                    Incident incident = incidents.get(job.value() + "|" + day);
                    if (incident != null) {
                        count = switch (incident.what().charAt(0)) {
                            case 'd' -> count * 2;
                            case 'p' -> Math.round(count * 0.4);
                            default -> 0;
                        };
                    }
                    batch.add(WriteRequest.builder()
                            .putRequest(PutRequest.builder()
                                    .item(Map.of(
                                            "job", AttributeValue.fromS(job.value()),
                                            "day", AttributeValue.fromS(day.toString()),
                                            "count", AttributeValue.fromN(Long.toString(count))))
                                    .build())
                            .build());
                    items++;
                    if (batch.size() == 25) {
                        write(dynamoDb, table, batch);
                        batch = new ArrayList<>();
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            write(dynamoDb, table, batch);
        }
        return items;
    }

    /**
     * The settings a team would give the low-volume countries: they only warn (chat, no page), and under
     * {@code classic}, where a handful of sends a day swings far more than 20%, they get a wide relative band
     * ({@code adaptive} ignores it: it judges small counts by counting noise). Zero days stay on {@code auto}.
     */
    public static void seedSettings(DynamoDbClient dynamoDb, String table) {
        for (String country : List.of("IS", "LU")) {
            for (String type : TYPES) {
                Map<String, AttributeValue> item = new HashMap<>(Map.of(
                        HealthKeys.PK,
                        AttributeValue.fromS("SETTINGS"),
                        HealthKeys.SK,
                        AttributeValue.fromS("job:email/" + type + "/" + country),
                        "percent",
                        AttributeValue.fromN("300"),
                        "severity",
                        AttributeValue.fromS("warning"),
                        "note",
                        AttributeValue.fromS("demo: low volume, a few sends a day")));
                if (type.equals("welcome")) {
                    // Less than one send a day: most days are zero, so a zero day says nothing.
                    item.put("zeroAlerts", AttributeValue.fromS("never"));
                }
                dynamoDb.putItem(b -> b.tableName(table).item(item));
            }
        }
    }

    private static double weekly(String type, DayOfWeek day) {
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return switch (type) {
            case "promo" -> day == DayOfWeek.TUESDAY ? 1.12 : weekend ? 0.8 : 1.0;
            case "welcome" -> weekend ? 0.85 : 1.05;
            default -> weekend ? 0.9 : 1.03;
        };
    }

    private static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        while (!pending.isEmpty()) {
            List<WriteRequest> sending = pending;
            pending = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, sending)))
                    .unprocessedItems()
                    .getOrDefault(table, List.of());
        }
    }
}
