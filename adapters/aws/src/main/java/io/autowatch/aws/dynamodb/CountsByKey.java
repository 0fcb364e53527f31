package io.autowatch.aws.dynamodb;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CountsReader.RejectedCount;
import io.autowatch.healthcheck.CountsReader.Snapshot;
import io.autowatch.healthcheck.SystemFailureException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads jobs' look-backs by key, one query per job, and hands them over a part at a time as each part's jobs are all
 * read, so that judging starts with the first part rather than after the last job.
 *
 * <p>The reads share the run's executor with judging and storing, so they never hold its threads for long: a task
 * reads a few jobs, then queues itself again behind whatever else waits. After a read failed (after the SDK's
 * retries) no new job is read, and the failure is thrown once the reads under way have ended.
 */
final class CountsByKey {

    /** Jobs per part: a judged slice's worth (the health check judges and stores 250 jobs at a time). */
    static final int JOBS_PER_PART = 250;

    /** Jobs a task reads before it lets the executor's other work go first. */
    private static final int JOBS_PER_TURN = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ExecutorService executor;
    private final int tasks;

    /** @param tasks how many reads run at once (at most) */
    CountsByKey(DynamoDbClient dynamoDb, String table, ExecutorService executor, int tasks) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.executor = executor;
        this.tasks = tasks;
    }

    /** Reads every one of {@code jobs}, from {@code from} to {@code to}, and hands each part over once it is read. */
    void read(LocalDate from, LocalDate to, List<JobId> jobs, Consumer<Snapshot> part) {
        new Reads(from, to, jobs, part).run();
    }

    private final class Reads {
        private final LocalDate from;
        private final LocalDate to;
        private final int days;
        private final List<JobId> jobs;
        private final Consumer<Snapshot> handOver;
        private final List<Map<JobId, CountSeries>> series = new ArrayList<>();
        private final List<List<RejectedCount>> rejected = new ArrayList<>();
        private final AtomicInteger[] unread;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Reads(LocalDate from, LocalDate to, List<JobId> jobs, Consumer<Snapshot> handOver) {
            this.from = from;
            this.to = to;
            this.days = (int) ChronoUnit.DAYS.between(from, to) + 1;
            this.jobs = jobs;
            this.handOver = handOver;
            int parts = (jobs.size() + JOBS_PER_PART - 1) / JOBS_PER_PART;
            unread = new AtomicInteger[parts];
            for (int p = 0; p < parts; p++) {
                series.add(new ConcurrentHashMap<>());
                rejected.add(Collections.synchronizedList(new ArrayList<>()));
                unread[p] = new AtomicInteger(Math.min(JOBS_PER_PART, jobs.size() - p * JOBS_PER_PART));
            }
        }

        void run() {
            int starting = Math.max(1, Math.min(tasks, jobs.size()));
            running.set(starting);
            for (int t = 0; t < starting; t++) {
                queueTurn();
            }
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("interrupted while reading counts", e));
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new IllegalStateException(e.getCause()));
            }
            RuntimeException failed = failure.get();
            if (failed instanceof SystemFailureException e) {
                throw e;
            }
            if (failed != null) {
                throw new SystemFailureException(
                        "reading counts from table '" + table + "' failed after retries: " + failed, failed);
            }
        }

        /** Reads up to {@link #JOBS_PER_TURN} jobs, then queues itself again, or ends when none is left. */
        private void turn() {
            try {
                for (int read = 0; read < JOBS_PER_TURN; read++) {
                    int i = next.getAndIncrement();
                    if (i >= jobs.size() || failure.get() != null) {
                        end();
                        return;
                    }
                    readJob(i);
                }
                queueTurn();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                end();
            }
        }

        private void queueTurn() {
            try {
                executor.execute(this::turn);
            } catch (RejectedExecutionException e) {
                failure.compareAndSet(null, e);
                end();
            }
        }

        private void end() {
            if (running.decrementAndGet() == 0) {
                done.complete(null);
            }
        }

        private void readJob(int index) {
            int part = index / JOBS_PER_PART;
            readJob(jobs.get(index), series.get(part), rejected.get(part));
            if (unread[part].decrementAndGet() == 0) {
                handOver.accept(new Snapshot(series.get(part), rejected.get(part)));
                series.set(part, Map.of());
                rejected.set(part, List.of());
            }
        }

        private void readJob(JobId job, Map<JobId, CountSeries> into, List<RejectedCount> rejects) {
            QueryRequest request = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#j = :j AND #d BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#d", "day", "#j", "job", "#c", "count"))
                    .expressionAttributeValues(Map.of(
                            ":j", AttributeValue.fromS(job.value()),
                            ":from", AttributeValue.fromS(from.toString()),
                            ":to", AttributeValue.fromS(to.toString())))
                    // Not the job: every item of the query is the job's, and a shorter answer is cheaper to read.
                    .projectionExpression("#d, #c")
                    .build();
            try {
                for (QueryResponse page : dynamoDb.queryPaginator(request)) {
                    for (Map<String, AttributeValue> item : page.items()) {
                        try {
                            CountItems.accept(
                                    job, CountItems.day(item.get("day").s()), item, from, days, into, rejects);
                        } catch (DateTimeException e) {
                            rejects.add(new RejectedCount(
                                    job.value(), item.get("day").s(), "day is not YYYY-MM-DD"));
                        }
                    }
                }
            } catch (RuntimeException e) {
                throw DynamoDbErrors.translate(table, "reading the counts of " + job, e);
            }
        }
    }
}
