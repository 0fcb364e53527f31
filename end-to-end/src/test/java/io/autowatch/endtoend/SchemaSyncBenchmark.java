package io.autowatch.endtoend;

import io.autowatch.avro.AvroIdlParser;
import io.autowatch.avro.AvroSchemaReader;
import io.autowatch.aws.dynamodb.Tables;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.datadog.DatadogMonitorStore;
import io.autowatch.github.GitHubRestClient;
import io.autowatch.json.Json;
import io.autowatch.monitor.ExistingMonitor;
import io.autowatch.monitor.MonitorAnnotations;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorPlanner;
import io.autowatch.monitor.MonitorRenderer;
import io.autowatch.monitor.MonitorSettings;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.PackagedFunction;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The schema-sync benchmarks (scripts/schema-sync-local bench): the packaged webhook's cold start and warm latency,
 * and a pull request with 200 annotated records (400 monitors) against the fake Datadog.
 */
public final class SchemaSyncBenchmark {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String REPO = "shop/event-schemas";

    private SchemaSyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        webhook();
        largePullRequest(records);
        System.exit(0);
    }

    private static void webhook() throws Exception {
        var emulator = AwsEmulator.start().orElseThrow(() -> new IllegalStateException("needs moto_server for SQS"));
        var sqs = AwsEmulator.sqs();
        String queue = sqs.createQueue(b -> b.queueName("bench-" + UUID.randomUUID() + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        // The webhook's table of deliveries and heads, in the same emulator (moto serves DynamoDB too); a new one
        // per cold start, so that each first delivery is new. The warm invocations repeat one delivery, so after the
        // first they measure the duplicate path (a conditional write that fails, and the answer).
        var dynamoDb = DynamoDbClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(AwsEmulator.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        Map<String, String> base = Map.ofEntries(
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", emulator.endpoint().toString()),
                Map.entry("AWS_REGION", AwsEmulator.REGION.id()),
                Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry("AWS_ENDPOINT_URL_SQS", emulator.endpoint().toString()),
                Map.entry("GITHUB_WEBHOOK_SECRET", "autowatch-sample-webhook-secret"),
                Map.entry("COMMAND_QUEUE_URL", queue));
        Path zip = ROOT.resolve("functions/schema-webhook/target/function.zip");
        Path event = ROOT.resolve("events/schema-sync-webhook-register.json");
        System.out.printf(
                "Webhook, packaged function (%,d bytes), JVM start to the first 202, 5 runs:%n", Files.size(zip));
        List<Long> walls = new ArrayList<>();
        String last = "";
        for (int i = 0; i < 5; i++) {
            String table = "bench-state-" + UUID.randomUUID();
            dynamoDb.createTable(Tables.schemaSyncTable(table));
            Map<String, String> env = new HashMap<>(base);
            env.put("SCHEMA_SYNC_TABLE", table);
            var run = PackagedFunction.run(
                    zip,
                    "io.autowatch.functions.schemawebhook.WebhookHandler",
                    event,
                    env,
                    PackagedFunction.optionsFromEnvironment(),
                    i == 4 ? 2000 : 0);
            walls.add(run.wallMillis());
            last = run.output();
            System.out.println("  wall_ms=" + run.wallMillis() + "  "
                    + run.output()
                            .lines()
                            .filter(l -> l.startsWith("TIMING") || l.startsWith("PEAK") || l.startsWith("RESPONSE"))
                            .toList());
        }
        walls.sort(Long::compare);
        System.out.println("RESULT webhook_cold_start_median_wall_ms=" + walls.get(2));
        last.lines().filter(l -> l.startsWith("WARM")).forEach(l -> System.out.println("RESULT webhook_" + l));
    }

    private static void largePullRequest(int records) throws Exception {
        try (FakeGitHub github = new FakeGitHub();
                FakeDatadog datadog = new FakeDatadog()) {
            github.grant("owner", "write");
            Map<String, String> head = files(records, 3);
            github.pullRequest(REPO, 1, Map.of(), head, false);
            SchemaSyncService service = new SchemaSyncService(
                    new GitHubRestClient(URI.create(github.baseUrl()), FakeGitHub.TOKEN, Duration.ofSeconds(10)),
                    new AvroSchemaReader(),
                    DatadogMonitorStore.create(
                            FakeDatadog.API_KEY,
                            FakeDatadog.APP_KEY,
                            Optional.of(datadog.baseUrl()),
                            "datadoghq.com",
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(20),
                            3),
                    SyncSettings.defaults());
            System.out.printf(
                    "%nA pull request with %d annotated records in %d files (%d monitors):%n",
                    records, head.size(), records * 2);
            step("esm plan (empty Datadog)", service, github, datadog, Command.PLAN, 1);
            step("esm register (creates all)", service, github, datadog, Command.REGISTER, 1);
            step("esm register again (unchanged)", service, github, datadog, Command.REGISTER, 1);
            github.pullRequest(REPO, 2, head, files(records, 4), false);
            step("esm register, every annotation changed", service, github, datadog, Command.REGISTER, 2);
            planner(files(records, 4), datadog);
            worker(github, datadog, files(records, 4), files(records, 5));
        }
    }

    private static void step(
            String what, SchemaSyncService service, FakeGitHub github, FakeDatadog datadog, Command command, int pr) {
        datadog.clearCalls();
        long start = System.nanoTime();
        long comment = github.addComment(REPO, pr, "owner", command.text());
        SyncResult result =
                service.handle(new CommandRequest("d-" + UUID.randomUUID(), REPO, pr, comment, "owner", command)
                        .pinnedTo(github.headOf(REPO, pr), Instant.EPOCH));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> calls = new TreeMap<>(datadog.calls().stream()
                .collect(Collectors.groupingBy(
                        c -> c.method() + " "
                                + (c.path().startsWith("/api/v1/monitor/")
                                                && !c.path().endsWith("validate")
                                        ? "/api/v1/monitor/{id}"
                                        : c.path()),
                        Collectors.counting())));
        long writes = datadog.calls().stream()
                .filter(c -> (c.method().equals("POST") && c.path().equals("/api/v1/monitor"))
                        || c.method().equals("PUT")
                        || c.method().equals("DELETE"))
                .count();
        System.out.printf(
                "RESULT %-40s total_ms=%d failed=%s steps=%d datadog_calls=%d writes=%d %s%n",
                what,
                millis,
                result.failed(),
                result.plan().map(p -> p.steps().size()).orElse(0),
                datadog.calls().size(),
                writes,
                calls);
    }

    /**
     * The queue's worker in the packaged function, in a new JVM (its cold start builds the GitHub and Datadog
     * clients), carrying out a register that updates every traffic monitor.
     */
    private static void worker(
            FakeGitHub github, FakeDatadog datadog, Map<String, String> base, Map<String, String> head)
            throws Exception {
        github.grant("owner", "write");
        github.pullRequest(REPO, 3, base, head, false);
        Path event = Files.createTempFile("sqs", ".json");
        Files.writeString(
                event,
                Json.write(Map.of(
                        "Records",
                        List.of(Map.of(
                                "messageId",
                                "m-1",
                                "eventSource",
                                "aws:sqs",
                                "body",
                                CommandQueue.write(new CommandRequest(
                                                "d-w",
                                                REPO,
                                                3,
                                                github.addComment(REPO, 3, "owner", "esm register"),
                                                "owner",
                                                Command.REGISTER)
                                        .pinnedTo(github.headOf(REPO, 3), Instant.EPOCH)))))));
        datadog.clearCalls();
        var run = PackagedFunction.run(
                ROOT.resolve("functions/schema-worker/target/function.zip"),
                "io.autowatch.functions.schemaworker.WorkerHandler",
                event,
                Map.of(
                        "GITHUB_WEBHOOK_SECRET",
                        "x",
                        "GITHUB_TOKEN",
                        FakeGitHub.TOKEN,
                        "GITHUB_API_URL",
                        github.baseUrl(),
                        "DD_API_KEY",
                        FakeDatadog.API_KEY,
                        "DD_APP_KEY",
                        FakeDatadog.APP_KEY,
                        "DATADOG_API_URL",
                        datadog.baseUrl(),
                        "AWS_REGION",
                        "us-east-1"),
                PackagedFunction.optionsFromEnvironment(),
                0);
        System.out.println("RESULT worker_packaged_register wall_ms=" + run.wallMillis() + " datadog_calls="
                + datadog.calls().size() + " "
                + run.output()
                        .lines()
                        .filter(l -> l.startsWith("TIMING") || l.startsWith("PEAK") || l.startsWith("RESPONSE"))
                        .toList());
    }

    /** The pure planner alone, on the desired monitors of every file against what Datadog now holds. */
    private static void planner(Map<String, String> files, FakeDatadog datadog) throws Exception {
        Path root = Files.createTempDirectory("bench-schemas");
        List<MonitorDefinition> desired = new ArrayList<>();
        Set<String> tags = new HashSet<>();
        for (var file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            tags.add(MonitorRenderer.schemaTag(file.getKey()));
            var read = (AvroIdlParser.Read) AvroIdlParser.read(root, file.getKey());
            for (var record : read.records()) {
                for (var spec : MonitorAnnotations.parse(record, MonitorSettings.defaults())
                        .monitors()) {
                    desired.add(MonitorRenderer.render(record, spec, MonitorSettings.defaults()));
                }
            }
        }
        var store = DatadogMonitorStore.create(
                FakeDatadog.API_KEY,
                FakeDatadog.APP_KEY,
                Optional.of(datadog.baseUrl()),
                "datadoghq.com",
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                3);
        List<ExistingMonitor> existing = store.listByTags(List.of("esm-prod"));
        for (int warmup = 0; warmup < 3; warmup++) {
            MonitorPlanner.plan(desired, existing, tags, "esm-prod");
        }
        long start = System.nanoTime();
        var plan = MonitorPlanner.plan(desired, existing, tags, "esm-prod");
        System.out.printf(
                "RESULT planner_only desired=%d existing=%d steps=%d plan_ms=%.2f%n",
                desired.size(), existing.size(), plan.steps().size(), (System.nanoTime() - start) / 1e6);
    }

    /** {@code records} records, ten per file, each with a traffic-anomaly and a low-volume monitor. */
    private static Map<String, String> files(int records, int deviations) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int f = 0; f < (records + 9) / 10; f++) {
            StringBuilder text =
                    new StringBuilder("@namespace(\"com.shop.domain" + f + "\")\nprotocol Domain" + f + " {\n");
            for (int r = f * 10; r < Math.min(records, f * 10 + 10); r++) {
                text.append("  @monitors([{\"type\": \"traffic_anomaly\", \"deviations\": ")
                        .append(deviations)
                        .append(", \"notify\": [\"@slack-team-")
                        .append(f)
                        .append("\"]}, {\"type\": \"low_volume\", ")
                        .append("\"threshold\": ")
                        .append(100 + r)
                        .append("}])\n  record Event")
                        .append(r)
                        .append(" { string id; long at; }\n");
            }
            files.put("schemas/domain" + f + "/events.avdl", text.append("}\n").toString());
        }
        return files;
    }
}
