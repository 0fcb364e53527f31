package io.autowatch.local.runtime;

import io.autowatch.aws.dynamodb.DynamoDbAlertLedger;
import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.counts.JobId;
import io.autowatch.functions.schemawebhook.Webhook;
import io.autowatch.functions.schemawebhook.WebhookHandler;
import io.autowatch.github.webhook.WebhookReceiver;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.healthcheck.StoredResults;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.judge.Comparison;
import io.autowatch.local.cli.Options;
import io.autowatch.local.cli.RunCommand;
import io.autowatch.local.dashboard.JobHistory;
import io.autowatch.log.Log;
import io.autowatch.schemasync.intake.CommandIntake;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The functions in one process, as close to AWS as practical: the real handlers, wired by the functions' own
 * wiring and fed the events Lambda would feed them. DynamoDB Local holds the tables; {@link LocalHttp} serves the
 * webhook and the dashboard; the health check runs on a {@link DailySchedule} and on demand; notifications go to
 * the console and to a log with the bodies the SNS topics would carry.
 */
public final class LocalRuntime implements AutoCloseable {

    /** What a run needs to know; see {@link RunCommand} for where each comes from. */
    public record Options(
            int port,
            Optional<Path> dataFolder,
            Path stateFolder,
            LocalTime checkAt,
            String webhookSecret,
            Optional<String> githubToken,
            String githubApiUrl,
            Optional<String[]> datadogKeys,
            String ddSite,
            Optional<String> datadogApiUrl) {}

    private final Options options;
    private final PrintStream out;
    private final Clock clock;
    private LocalDynamo dynamo;
    private ExecutorService workers;
    private ExecutorService requests;
    private DynamoDbAlertLedger ledger;
    private LocalHttp http;
    private DailySchedule schedule;
    private LocalHealthCheck healthCheck;
    private LocalWorkflow workflow;
    private WebhookHandler webhook;
    private LocalAlerts alerts;
    private StoredResults results;

    public LocalRuntime(Options options, PrintStream out, Clock clock) {
        this.options = options;
        this.out = out;
        this.clock = clock;
    }

    public LocalRuntime start() throws Exception {
        Files.createDirectories(options.stateFolder());
        // The functions' structured logs go to a file, as they would go to CloudWatch; the console stays readable.
        Log.redirect(new PrintStream(
                Files.newOutputStream(logFile(), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true,
                StandardCharsets.UTF_8));
        dynamo = LocalDynamo.start(options.dataFolder().map(f -> f.resolve("dynamodb")), 0);
        workers = Executors.newFixedThreadPool(
                8, Thread.ofPlatform().daemon().name("local-", 0).factory());
        Path alertLog = options.stateFolder().resolve("alerts.jsonl");
        if (options.dataFolder().isEmpty() && Files.exists(alertLog)) {
            // The tables start empty, so the alerts start afresh; the last run's stay beside them once.
            Files.move(alertLog, alertLog.resolveSibling("alerts.previous.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        }
        alerts = new LocalAlerts(alertLog, out);
        var ddb = dynamo.client();
        LocalWorkflow.Checks checks = LocalWorkflow.wire(ddb, alerts, clock, workers);
        healthCheck = checks.manual();
        workflow = checks.scheduled();
        var state = new DynamoDbSchemaSyncState(ddb, LocalDynamo.SCHEMA_SYNC_TABLE, clock);
        webhook = new WebhookHandler(new Webhook(
                new WebhookReceiver(Optional.of(new WebhookSignature(options.webhookSecret()))),
                new CommandIntake(state, state, LocalSchemaSync.inline(options), state, state, clock)));
        results = new DynamoDbStoredResults(ddb, LocalDynamo.HEALTH_TABLE);
        ledger = new DynamoDbAlertLedger(ddb, LocalDynamo.HEALTH_TABLE);
        // Requests have threads of their own: a request waits for the service's work on `workers`, and must not
        // take the threads that work needs.
        requests = Executors.newFixedThreadPool(
                4, Thread.ofPlatform().daemon().name("local-http-", 0).factory());
        http = new LocalHttp(this, results, options.port(), requests, clock, out);
        RuntimeState.write(options.stateFolder(), dynamo.endpoint(), httpUri());
        return this;
    }

    /** The retired jobs and the day each was retired on. */
    Map<JobId, LocalDate> retiredJobs() {
        return ledger.retired();
    }

    /** The jobs with an open incident, as the ledger has them. */
    Map<JobId, OpenIncident> openIncidents() {
        return ledger.openIncidents();
    }

    /**
     * Runs the health check as the schedule would, or for one day (a manual run), for every job or for {@code jobs}
     * only (as a job's own check, the Job Finished rule's, would).
     */
    Map<String, Object> check(Optional<LocalDate> day, List<String> jobs) throws IOException {
        return healthCheck.check(day, jobs);
    }

    /** Retires jobs as the deployed function does. */
    Map<String, Object> retire(List<String> jobs, String reason) throws IOException {
        return healthCheck.retire(jobs, reason);
    }

    /** The scheduled run, as the deployed workflow runs it: plan, one worker per shard, summary (LocalWorkflow). */
    public Map<String, Object> scheduledRun() throws IOException {
        return workflow.run();
    }

    /** Checks every day of a range in order, as daily runs would have: for demo data and backfills. */
    public Map<String, Integer> backfill(LocalDate from, LocalDate to) throws IOException {
        return healthCheck.backfill(from, to);
    }

    /** Every policy's verdicts on the job's days from {@code from} to {@code to}, with its stored settings. */
    Comparison.Compared compare(String job, LocalDate from, LocalDate to) {
        JobHistory history = JobHistory.read(
                dynamo.client(),
                LocalDynamo.COUNTS_TABLE,
                LocalDynamo.HEALTH_TABLE,
                job,
                from,
                to,
                UnaryOperator.identity());
        return Comparison.run(history.series(), from, to, history.settings());
    }

    /** {@link #compare} for several jobs, with one read of the counts: by job, in the order given. */
    public Map<String, Comparison.Compared> compareAll(List<String> jobs, LocalDate from, LocalDate to) {
        Map<String, Comparison.Compared> compared = new LinkedHashMap<>();
        JobHistory.readAll(
                        dynamo.client(),
                        LocalDynamo.COUNTS_TABLE,
                        LocalDynamo.HEALTH_TABLE,
                        jobs,
                        from,
                        to,
                        UnaryOperator.identity())
                .forEach((job, history) ->
                        compared.put(job, Comparison.run(history.series(), from, to, history.settings())));
        return compared;
    }

    /** The daily run, at {@code checkAt} UTC. */
    public void scheduleDaily() {
        schedule = new DailySchedule(this, options.checkAt(), clock, out);
    }

    WebhookHandler webhook() {
        return webhook;
    }

    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + http.port());
    }

    public LocalDynamo dynamo() {
        return dynamo;
    }

    public StoredResults results() {
        return results;
    }

    public Path alertLog() {
        return alerts.log();
    }

    public Path logFile() {
        return options.stateFolder().resolve("logs.jsonl");
    }

    public void quietAlerts(boolean quiet) {
        alerts.quiet(quiet);
    }

    public int notificationsSent() {
        return alerts.published();
    }

    @Override
    public void close() throws IOException {
        if (schedule != null) {
            schedule.close();
        }
        if (http != null) {
            http.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (requests != null) {
            requests.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        Files.deleteIfExists(options.stateFolder().resolve("runtime.json"));
        Log.redirect(System.out);
    }
}
