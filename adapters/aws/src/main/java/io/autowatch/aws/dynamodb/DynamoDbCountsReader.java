package io.autowatch.aws.dynamodb;

import io.autowatch.counts.CountSeries;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the counts table, which has no secondary index: every increment costs one write unit and lands on its own
 * job's partition key. Once the {@link JobRegistry} is filled (the counts stream keeps it, README "A run in shards"),
 * a run finds its jobs there, a shard its own, and reads each job's look-back by key (one query each). Before that,
 * and without a registry, it scans the table in parallel segments and keeps the days read: a scan costs the table's
 * stored size in read units (about 40 bytes an item, eventually consistent). The registry's fill itself scans, keys
 * only ({@link #writers}).
 */
public final class DynamoDbCountsReader implements CountsReader {

    /** Up to this many named jobs are read by key; a longer list is read by a scan, as a whole run is. */
    static final int MAX_JOBS_BY_KEY = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ExecutorService executor;
    private final JobRegistry registry;
    private final CountsScan scan;
    private final CountsByKey byKey;

    public DynamoDbCountsReader(DynamoDbClient dynamoDb, String table, ExecutorService executor) {
        this(dynamoDb, table, executor, null);
    }

    /** @param registry where a shard's run finds its jobs, to read only theirs by key (null: read every job's) */
    public DynamoDbCountsReader(DynamoDbClient dynamoDb, String table, ExecutorService executor, JobRegistry registry) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.executor = executor;
        this.registry = registry;
        this.scan = new CountsScan(dynamoDb, table);
        this.byKey = new CountsByKey(
                dynamoDb,
                table,
                executor,
                executor instanceof ThreadPoolExecutor pool ? pool.getMaximumPoolSize() : 16);
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
        return readByKey(from, to, registered(from, shard, jobs));
    }

    /**
     * As {@link #read(LocalDate, LocalDate, Shard, Set)}; read by key, the jobs are handed over 250 at a time as they
     * are read ({@link CountsByKey}), a scan's all at once.
     */
    @Override
    public void readInParts(LocalDate from, LocalDate to, Shard shard, Set<JobId> jobs, Consumer<Snapshot> part) {
        if (registry == null || !registry.filled()) {
            part.accept(CountsReader.super.read(from, to, shard, jobs));
            return;
        }
        byKey.read(from, to, List.copyOf(registered(from, shard, jobs)), part);
    }

    /**
     * The jobs to read by key: a few named ones (a job asking for its own check) as they are, without listing the
     * registry's 1,024 buckets, and so even before the stream registered them; otherwise the shard's registered jobs.
     */
    private Set<JobId> registered(LocalDate from, Shard shard, Set<JobId> jobs) {
        if (!jobs.isEmpty() && jobs.size() <= MAX_JOBS_BY_KEY) {
            Set<JobId> named = new HashSet<>(jobs);
            named.removeIf(job -> !shard.contains(job));
            return named;
        }
        Set<JobId> mine = new HashSet<>(registry.jobs(shard, from));
        if (!jobs.isEmpty()) {
            mine.retainAll(jobs);
        }
        return mine;
    }

    @Override
    public Snapshot read(LocalDate from, LocalDate to) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1) {
            throw new IllegalArgumentException("empty range: " + from + " to " + to);
        }
        if (registry != null && registry.filled()) {
            return readByKey(from, to, new HashSet<>(registry.jobs(Shard.ALL, from)));
        }
        return scan(from, to, days);
    }

    /** Every job that wrote in the days, with its last day: a keys-only scan, for filling the registry. */
    @Override
    public Map<JobId, LocalDate> writers(LocalDate from, LocalDate to) {
        Map<JobId, LocalDate> last = new ConcurrentHashMap<>();
        List<Callable<Void>> reads = new ArrayList<>();
        int segments = scan.segments();
        for (int segment = 0; segment < segments; segment++) {
            int s = segment;
            reads.add(() -> {
                for (Map<String, AttributeValue> item : scan.segment(s, segments, from, to, "#j, #d")) {
                    String job = item.get("job").s();
                    if (JobId.isValid(job)) {
                        try {
                            LocalDate day = LocalDate.parse(item.get("day").s());
                            last.merge(JobId.of(job), day, (a, b) -> a.isAfter(b) ? a : b);
                        } catch (DateTimeParseException e) {
                            // Not a day: no run checks it.
                        }
                    }
                }
                return null;
            });
        }
        collect(reads, new ConcurrentHashMap<>(), new ArrayList<>(), "");
        return Map.copyOf(last);
    }

    private Snapshot scan(LocalDate from, LocalDate to, int days) {
        Map<JobId, CountSeries> series = new ConcurrentHashMap<>();
        List<RejectedCount> rejected = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> reads = new ArrayList<>();
        int segments = scan.segments();
        for (int segment = 0; segment < segments; segment++) {
            int s = segment;
            reads.add(() -> {
                for (Map<String, AttributeValue> item : scan.segment(s, segments, from, to, "#j, #d, #c")) {
                    try {
                        CountItems.accept(LocalDate.parse(item.get("day").s()), item, from, days, series, rejected);
                    } catch (DateTimeParseException e) {
                        // Not a day: no run checks it, so nobody needs to hear of it.
                    }
                }
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
        Map<JobId, CountSeries> series = new HashMap<>();
        List<RejectedCount> rejected = new ArrayList<>();
        byKey.read(from, to, List.copyOf(jobs), part -> {
            synchronized (series) {
                series.putAll(part.series());
                rejected.addAll(part.rejected());
            }
        });
        return new Snapshot(series, rejected);
    }
}
