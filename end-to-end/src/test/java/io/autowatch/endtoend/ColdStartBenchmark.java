package io.autowatch.endtoend;

import io.autowatch.aws.dynamodb.Tables;
import io.autowatch.json.Json;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.PackagedFunction;
import io.autowatch.testing.RuntimeClientRun;
import io.autowatch.testing.SharedCorpus;
import io.autowatch.testing.fakes.FakeDatadog;
import io.autowatch.testing.fakes.FakeGitHub;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code scripts/cold-start [rounds]}: the schema-sync functions' cold starts beside an AWS SDK hello function (one
 * DynamoDB call), each package in a new JVM under AWS's runtime interface client, in turns, against moto (Secrets
 * Manager, SQS, DynamoDB) and the GitHub and Datadog fakes. The worker's invocation is a real first command (the
 * committed sample: {@code esm register} of one annotated record), its secrets read from Secrets Manager as in the
 * template. Prints each run and the medians; figures go in the issue notes, never into a test. A second argument
 * names the functions to run (for example {@code worker}, to profile it alone with {@code HARNESS_CHILD_JAVA_OPTS}).
 */
public final class ColdStartBenchmark {

    private static final Path ROOT = SharedCorpus.repoRoot();
    private static final String REPO = "example-org/event-schemas";
    private static final String WORKER_HOOKS = "io.autowatch.functions.schemaworker.WorkerPriming";
    private static final String WEBHOOK_SECRET = "autowatch-sample-webhook-secret";
    private static final String SCHEMA = """
            @namespace("com.shop") protocol Cart {
              @monitor({"type": "traffic_anomaly", "notify": ["@slack-cart"]})
              record AddToCartEvent { string sku; }
            }
            """;

    private final AwsEmulator.Running moto = AwsEmulator.freshMoto();
    private final Map<String, String> aws = new HashMap<>();
    private final List<Path> runtimeClient = runtimeClientJars();
    private final List<String> jvmOptions = PackagedFunction.optionsFromEnvironment();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> names = args.length > 1
                ? List.of(args[1].split(","))
                : List.of("hello", "webhook", "worker", "worker-snapstart");
        new ColdStartBenchmark().run(rounds, names);
        System.exit(0);
    }

    private ColdStartBenchmark() {
        aws.put("AWS_REGION", "us-east-1");
        aws.put("AWS_ACCESS_KEY_ID", "test");
        aws.put("AWS_SECRET_ACCESS_KEY", "test");
        aws.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
    }

    private void run(int rounds, List<String> names) throws Exception {
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, long[]> inits = new LinkedHashMap<>();
        Map<String, long[]> invokes = new LinkedHashMap<>();
        names.forEach(n -> {
            totals.put(n, new long[rounds]);
            inits.put(n, new long[rounds]);
            invokes.put(n, new long[rounds]);
        });
        double[] workerRatio = new double[rounds];
        double[] webhookRatio = new double[rounds];
        double[] snapStartRatio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((round + k) % names.size()); // each goes first in turn
                RuntimeClientRun.Timing timing =
                        switch (name) {
                            case "hello" -> hello();
                            case "webhook" -> webhook();
                            case "worker" -> worker(Optional.empty());
                            case "worker-snapstart" -> worker(Optional.of(WORKER_HOOKS));
                            default -> throw new IllegalArgumentException("no function named " + name);
                        };
                if (!timing.output().isBlank() && System.getenv("COLD_START_PRINT_OUTPUT") != null) {
                    System.out.println(timing.output());
                }
                totals.get(name)[round] = timing.totalMillis();
                inits.get(name)[round] = timing.initMillis();
                invokes.get(name)[round] = timing.invokeMillis() + afterRestoreMillis(timing.output());
                System.out.printf(
                        "  round %d %-8s init_ms=%d first_invoke_ms=%d total_ms=%d after_restore_ms=%d%n",
                        round + 1,
                        name,
                        timing.initMillis(),
                        timing.invokeMillis(),
                        timing.totalMillis(),
                        afterRestoreMillis(timing.output()));
            }
            if (names.containsAll(List.of("hello", "webhook", "worker", "worker-snapstart"))) {
                long hello = totals.get("hello")[round];
                workerRatio[round] = (double) totals.get("worker")[round] / hello;
                webhookRatio[round] = (double) totals.get("webhook")[round] / hello;
                // A restored worker's cold start is its first invocation (plus the restore, which is AWS's).
                snapStartRatio[round] = (double) invokes.get("worker-snapstart")[round] / hello;
            }
        }
        StringBuilder result = new StringBuilder("RESULT");
        for (String name : names) {
            result.append(" %s_total_ms=%d %s_init_ms=%d %s_first_invoke_ms=%d"
                    .formatted(
                            name,
                            median(totals.get(name)),
                            name,
                            median(inits.get(name)),
                            name,
                            median(invokes.get(name))));
        }
        Arrays.sort(workerRatio);
        Arrays.sort(webhookRatio);
        Arrays.sort(snapStartRatio);
        result.append((" worker_vs_hello=%.2f webhook_vs_hello=%.2f worker_snapstart_first_invoke_vs_hello=%.2f"
                        + " (medians of %d paired rounds; jvm options %s)")
                .formatted(
                        workerRatio[rounds / 2],
                        webhookRatio[rounds / 2],
                        snapStartRatio[rounds / 2],
                        rounds,
                        jvmOptions));
        System.out.println(result);
    }

    private RuntimeClientRun.Timing hello() throws Exception {
        Path zip = ROOT.resolve("benchmarks/sdk-hello/target/function.zip");
        return RuntimeClientRun.run(
                zip,
                "io.autowatch.hello.HelloHandler::handleRequest",
                "{}".getBytes(StandardCharsets.UTF_8),
                aws,
                jvmOptions,
                runtimeClient);
    }

    private RuntimeClientRun.Timing webhook() throws Exception {
        Map<String, String> env = new HashMap<>(aws);
        String table = "schema-sync-" + UUID.randomUUID();
        try (DynamoDbClient dynamoDb = client(DynamoDbClient.builder())) {
            dynamoDb.createTable(Tables.schemaSyncTable(table));
        }
        try (SqsClient sqs = client(SqsClient.builder());
                SecretsManagerClient secrets = client(SecretsManagerClient.builder())) {
            env.put(
                    "COMMAND_QUEUE_URL",
                    sqs.createQueue(b -> b.queueName("commands-" + UUID.randomUUID() + ".fifo")
                                    .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                            .queueUrl());
            env.put("GITHUB_WEBHOOK_SECRET_ARN", secret(secrets, WEBHOOK_SECRET));
        }
        env.put("SCHEMA_SYNC_TABLE", table);
        RuntimeClientRun.Timing timing = RuntimeClientRun.run(
                ROOT.resolve("functions/schema-webhook/target/function.zip"),
                "io.autowatch.functions.schemawebhook.WebhookHandler::handleRequest",
                Files.readAllBytes(ROOT.resolve("events/schema-sync-webhook-register.json")),
                env,
                jvmOptions,
                runtimeClient);
        expect(timing, "\"statusCode\":202");
        return timing;
    }

    /** @param hooks for the SnapStart model: the worker's CRaC hooks are called between init and the event */
    private RuntimeClientRun.Timing worker(Optional<String> hooks) throws Exception {
        try (FakeGitHub github = new FakeGitHub();
                FakeDatadog datadog = new FakeDatadog();
                SecretsManagerClient secrets = client(SecretsManagerClient.builder())) {
            github.grant("schema-owner", "admin");
            github.pullRequest(REPO, 42, Map.of(), Map.of("schemas/cart.avdl", SCHEMA), false);
            github.addComment(REPO, 42, 1234567890L, "schema-owner", "esm register");
            Map<String, String> env = new HashMap<>(aws);
            env.put("GITHUB_API_URL", github.baseUrl());
            env.put("DATADOG_API_URL", datadog.baseUrl());
            env.put("GITHUB_TOKEN_SECRET_ARN", secret(secrets, FakeGitHub.TOKEN));
            env.put(
                    "DATADOG_KEYS_SECRET_ARN",
                    secret(secrets, Json.write(Map.of("apiKey", FakeDatadog.API_KEY, "appKey", FakeDatadog.APP_KEY))));
            RuntimeClientRun.Timing timing = RuntimeClientRun.run(
                    ROOT.resolve("functions/schema-worker/target/function.zip"),
                    "io.autowatch.functions.schemaworker.WorkerHandler::handleRequest",
                    Files.readAllBytes(ROOT.resolve("events/schema-sync-sqs-command.json")),
                    env,
                    jvmOptions,
                    runtimeClient,
                    hooks);
            expect(timing, "\"batchItemFailures\":[]");
            if (datadog.monitors().size() != 1) {
                throw new IllegalStateException(
                        "the worker did not register the sample's monitor:\n" + timing.output());
            }
            return timing;
        }
    }

    private static void expect(RuntimeClientRun.Timing timing, String text) {
        if (!timing.response().replace(" ", "").contains(text)) {
            throw new IllegalStateException("unexpected response " + timing.response() + "\n" + timing.output());
        }
    }

    private static String secret(SecretsManagerClient secrets, String value) {
        return secrets.createSecret(b -> b.name("bench-" + UUID.randomUUID()).secretString(value))
                .arn();
    }

    private <C, B extends AwsClientBuilder<B, C>> C client(B builder) {
        return builder.endpointOverride(moto.endpoint())
                .region(AwsEmulator.REGION)
                .credentialsProvider(AwsEmulator.credentials())
                .build();
    }

    /** The runtime client's jars, from this JVM's class path (the end-to-end module's test dependencies). */
    private static List<Path> runtimeClientJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client")
                    || name.startsWith("aws-lambda-java-serialization")) {
                jars.add(Path.of(entry));
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("the runtime interface client is not on the class path");
        }
        return jars;
    }

    /**
     * What the worker's {@code afterRestore} hook took (it logs it), which a restored worker spends before its first
     * event: counted into the SnapStart model's first invocation. 0 without the hook.
     */
    private static long afterRestoreMillis(String output) {
        Matcher restored = Pattern.compile("\"event\":\"restored_from_snapshot\",\"ms\":(\\d+)")
                .matcher(output);
        return restored.find() ? Long.parseLong(restored.group(1)) : 0;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
