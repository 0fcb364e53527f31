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

/**
 * Reads the counts table. A whole run reads through its {@value Tables#BY_DAY_INDEX} index: one paginated query per
 * day, days in parallel; each item costs its size in read units (about 40 bytes), so a run reads each job's
 * look-back for well under one 4 KB read unit per job, in a few requests per day instead of one per job. A shard's
 * run reads its jobs from the {@link JobRegistry} and each job's look-back by key.
 */
public final class DynamoDbCountsReader implements CountsReader {

    /** Up to this many named jobs are read by key; a longer list reads day by day, as a full run does. */
    static final int MAX_JOBS_BY_KEY = 100;

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
        if (shard.count() == 1 || registry == null) {
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
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            reads.add(() -> {
                readDay(d, from, days, series, rejected);
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

    /** A few named jobs are read by their own keys (one query each); more are read day by day like a full run. */
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

    private void readDay(
            LocalDate day, LocalDate from, int days, Map<JobId, CountSeries> series, List<RejectedCount> rejected) {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .indexName(Tables.BY_DAY_INDEX)
                .keyConditionExpression("#d = :d")
                .expressionAttributeNames(Map.of("#d", "day", "#j", "job", "#c", "count"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(day.toString())))
                .projectionExpression("#j, #c")
                .build();
        try {
            for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                for (Map<String, AttributeValue> item : page.items()) {
                    accept(day, item, from, days, series, rejected);
                }
            }
        } catch (RuntimeException e) {
            throw DynamoDbErrors.translate(table, "reading the counts of " + day, e);
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
