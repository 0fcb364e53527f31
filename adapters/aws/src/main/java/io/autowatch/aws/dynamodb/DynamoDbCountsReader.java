package io.autowatch.aws.dynamodb;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.CountValue;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.run.Parallel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the counts table, which has no secondary index: every increment costs one write unit and lands on its own
 * job's partition key. A run the workflow planned finds its shard's jobs in the {@link JobRegistry} and reads each
 * job's look-back by key (one query each). A whole run (a manual run, a backfill of a day, the local runtime) and a
 * deployment whose registry is not filled yet scan the table in parallel segments, keeping the days read: a scan
 * costs the table's stored size in read units (about 40 bytes an item, eventually consistent), which a small
 * deployment never notices and a large one pays only for the manual runs it asks for (README, "Read cost").
 */
public final class DynamoDbCountsReader implements CountsReader {

    /** Up to this many named jobs are read by key; a longer list is read by a scan, as a whole run is. */
    static final int MAX_JOBS_BY_KEY = 100;

    /** A whole run's scan, in this many segments read at once (DynamoDB's parallel scan). */
    static final int SCAN_SEGMENTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ExecutorService executor;
    private final JobRegistry registry;

    public DynamoDbCountsReader(DynamoDbClient dynamoDb, String table, ExecutorService executor) {
        this(dynamoDb, table, executor, null);
    }

    /** @param registry where a shard's run finds its jobs, to read only theirs by key (null: read every job's) */
    public DynamoDbCountsReader(DynamoDbClient dynamoDb, String table, ExecutorService executor, JobRegistry registry) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.executor = executor;
        this.registry = registry;
    }

    /**
     * A shard's jobs, from the registry, each read by its own key (one query of its look-back): the shard reads
     * nothing of the other shards' jobs, and no read touches a partition every job writes to.
     */
    @Override
    public Snapshot read(LocalDate from, LocalDate to, Shard shard, Set<JobId> jobs) {
        if (registry == null || !registry.filled()) {
            return CountsReader.super.read(from, to, shard, jobs);
        }
        Set<JobId> mine = new HashSet<>(registry.jobs(shard, from));
        if (!jobs.isEmpty()) {
            mine.retainAll(jobs);
        }
        return readByKey(from, to, mine);
    }

    @Override
    public Snapshot read(LocalDate from, LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1) {
            throw new IllegalArgumentException("empty range: " + from + " to " + to);
        }
        Map<JobId, CountSeries> series = new ConcurrentHashMap<>();
        List<RejectedCount> rejected = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> reads = new ArrayList<>();
        for (int segment = 0; segment < SCAN_SEGMENTS; segment++) {
            int s = segment;
            reads.add(() -> {
                scanSegment(s, from, to, days, series, rejected);
                return null;
            });
        }
        return collect(reads, series, rejected, "; no job can be judged without its history");
    }

    /** Runs the reads and returns what they collected; a read that failed after retries fails the whole read. */
    private Snapshot collect(
            List<Callable<Void>> reads, Map<JobId, CountSeries> series, List<RejectedCount> rejected, String why) {
        try {
            Parallel.all(executor, reads);
        } catch (SystemFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SystemFailureException(
                    "reading counts from table '" + table + "' failed after retries" + why + ": " + e, e);
        }
        return new Snapshot(series, rejected);
    }

    /** A few named jobs are read by their own keys (one query each); more are read by a scan like a whole run. */
    @Override
    public Snapshot read(LocalDate from, LocalDate to, Set<JobId> jobs) {
        if (jobs.isEmpty() || jobs.size() > MAX_JOBS_BY_KEY) {
            return CountsReader.super.read(from, to, jobs);
        }
        return readByKey(from, to, jobs);
    }

    private Snapshot readByKey(LocalDate from, LocalDate to, Set<JobId> jobs) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        Map<JobId, CountSeries> series = new ConcurrentHashMap<>();
        List<RejectedCount> rejected = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> reads = new ArrayList<>();
        for (JobId job : jobs) {
            reads.add(() -> {
                readJob(job, from, to, days, series, rejected);
                return null;
            });
        }
        return collect(reads, series, rejected, "");
    }

    private void readJob(
            JobId job,
            LocalDate from,
            LocalDate to,
            int days,
            Map<JobId, CountSeries> series,
            List<RejectedCount> rejected) {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#j = :j AND #d BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#d", "day", "#j", "job", "#c", "count"))
                .expressionAttributeValues(Map.of(
                        ":j", AttributeValue.fromS(job.value()),
                        ":from", AttributeValue.fromS(from.toString()),
                        ":to", AttributeValue.fromS(to.toString())))
                .projectionExpression("#j, #d, #c")
                .build();
        try {
            for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    try {
                        accept(LocalDate.parse(item.get("day").s()), item, from, days, series, rejected);
                    } catch (DateTimeParseException e) {
                        rejected.add(
                                new RejectedCount(job.value(), item.get("day").s(), "day is not YYYY-MM-DD"));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "reading the counts of " + job, e);
        }
    }

    /**
     * One segment of a parallel scan, keeping the items of the days read. A day that is not a date is left out
     * silently: no run checks it, so nobody needs to hear of it.
     */
    private void scanSegment(
            int segment,
            LocalDate from,
            LocalDate to,
            int days,
            Map<JobId, CountSeries> series,
            List<RejectedCount> rejected) {
        ScanRequest request = ScanRequest.builder()
                .tableName(table)
                .segment(segment)
                .totalSegments(SCAN_SEGMENTS)
                .filterExpression("#d BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#d", "day", "#j", "job", "#c", "count"))
                .expressionAttributeValues(Map.of(
                        ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString())))
                .projectionExpression("#j, #d, #c")
                .build();
        try {
            for (ScanResponse page : dynamoDb.scanPaginator(request)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    LocalDate day;
                    try {
                        day = LocalDate.parse(item.get("day").s());
                    } catch (DateTimeParseException e) {
                        continue;
                    }
                    accept(day, item, from, days, series, rejected);
                }
            }
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "scanning the counts from " + from + " to " + to, e);
        }
    }

    private static void accept(
            LocalDate day,
            Map<String, AttributeValue> item,
            LocalDate from,
            int days,
            Map<JobId, CountSeries> series,
            List<RejectedCount> rejected) {
        String job = item.get("job").s();
        if (!JobId.isValid(job)) {
            rejected.add(new RejectedCount(job, day.toString(), invalidJobReason(job)));
            return;
        }
        AttributeValue count = item.get("count");
        CountValue.Parsed parsed = count == null
                ? new CountValue.Invalid("the item has no 'count' attribute")
                : count.n() != null
                        ? CountValue.parseNumber(count.n())
                        : new CountValue.Invalid("count is stored as " + describeType(count) + ", not as a Number");
        switch (parsed) {
            case CountValue.Valid v ->
                series.computeIfAbsent(JobId.of(job), j -> CountSeries.covering(from, days))
                        .put(day, v.count());
            case CountValue.Invalid i -> rejected.add(new RejectedCount(job, day.toString(), i.reason()));
        }
    }

    private static String invalidJobReason(String job) {
        try {
            JobId.of(job);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String describeType(AttributeValue value) {
        return switch (value.type()) {
            case S -> "a String ('" + value.s() + "')";
            case BOOL -> "a Boolean";
            case NUL -> "null";
            default -> "type " + value.type();
        };
    }
}
