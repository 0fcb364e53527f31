package io.autowatch.functions.healthcheck;

import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbJobRegistry;
import io.autowatch.aws.dynamodb.DynamoDbSettingsSource;
import io.autowatch.aws.dynamodb.HealthKeys;
import io.autowatch.aws.dynamodb.Tables;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.RunSummary;
import io.autowatch.healthcheck.Shard;
import io.autowatch.healthcheck.run.HealthCheckService;
import io.autowatch.healthcheck.run.RegistryBackfill;
import io.autowatch.json.Json;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.DynamoDbLocal;
import io.autowatch.testing.PackagedFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Runs the packaged function on this machine (see scripts/health-check-local): DynamoDB Local in this JVM,
 * moto_server for SNS, the function in a child JVM started exactly as Lambda would load its zip.
 */
public final class LocalHarness {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant EVENT_TIME = Instant.parse("2026-11-21T00:30:00Z");
    private static final String HANDLER = "io.autowatch.functions.healthcheck.HealthCheckHandler";
    private static final String SCHEDULED = "events/health-check-scheduled.json";

    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final String dynamoDbEndpoint;
    private final String snsEndpoint;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    private LocalHarness() throws Exception {
        dynamoDbEndpoint = DynamoDbLocal.start().toString();
        dynamoDb = DynamoDbLocal.client();
        var emulator = AwsEmulator.start()
                .orElseThrow(() -> new IllegalStateException(
                        "SNS needs moto_server (pip install 'moto[server]') or a Docker engine for LocalStack"));
        snsEndpoint = emulator.endpoint().toString();
        sns = AwsEmulator.sns();
        System.out.println("DynamoDB Local: " + dynamoDbEndpoint + "   SNS (" + emulator.kind() + "): " + snsEndpoint);
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "invoke";
        LocalHarness harness = new LocalHarness();
        switch (mode) {
            case "invoke" ->
                harness.invoke(args.length > 1 ? Path.of(args[1]) : ROOT.resolve("events/health-check-scheduled.json"));
            case "bench" ->
                harness.bench(
                        args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                        args.length > 2 ? Integer.parseInt(args[2]) : 90,
                        args.length > 3 ? Optional.of(args[3]) : Optional.empty());
            case "shards" ->
                harness.shards(
                        args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                        args.length > 2 ? Integer.parseInt(args[2]) : 43,
                        args.length > 3 ? Integer.parseInt(args[3]) : 2);
            case "workflow" ->
                harness.workflow(
                        args.length > 1 ? Integer.parseInt(args[1]) : 200_000,
                        args.length > 2 ? Integer.parseInt(args[2]) : 43);
            case "compare" -> {
                if (args.length < 2) {
                    throw new IllegalArgumentException("usage: health-check-local compare <baseline function.zip>");
                }
                harness.compareWholeRuns(
                        Path.of(args[1]).toAbsolutePath(),
                        args.length > 2 ? Integer.parseInt(args[2]) : 10_000,
                        args.length > 3 ? Integer.parseInt(args[3]) : 90);
            }
            case "reads" ->
                harness.reads(
                        args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                        args.length > 2 ? Integer.parseInt(args[2]) : 90);
            case "widget" -> harness.widget();
            case "coldstart" -> {
                if (args.length < 2) {
                    throw new IllegalArgumentException("usage: health-check-local coldstart <baseline function.zip>");
                }
                harness.coldStartAgainst(Path.of(args[1]).toAbsolutePath());
            }
            default ->
                throw new IllegalArgumentException("usage: health-check-local invoke [event] | bench [jobs] [days] | "
                        + "shards [jobs] [days] [shards] | workflow [jobs] [days] | compare <baseline function.zip> "
                        + "[jobs] [days] | widget | coldstart <baseline function.zip>");
        }
        System.exit(0);
    }

    private record Stack(String counts, String health, String chatTopic, String pagingTopic) {}

    private Stack stack() {
        String counts = DynamoDbLocal.uniqueName("counts");
        String health = DynamoDbLocal.uniqueName("health");
        Tables.create(dynamoDb, counts, health);
        return new Stack(
                counts,
                health,
                sns.createTopic(b -> b.name("chat-" + UUID.randomUUID())).topicArn(),
                sns.createTopic(b -> b.name("paging-" + UUID.randomUUID())).topicArn());
    }

    /**
     * A stack whose counts table keeps the {@code by-day} index that builds before 0.5.0 query in a whole run, so that
     * an older zip can run on it beside this checkout's.
     */
    private Stack legacyStack() {
        Stack stack = stack();
        dynamoDb.deleteTable(b -> b.tableName(stack.counts()));
        dynamoDb.createTable(LegacyCounts.withByDayIndex(stack.counts()));
        return stack;
    }

    private void invoke(Path event) throws Exception {
        Stack stack = stack();
        seed(stack.counts(), 12, 60, 7);
        System.out.println("Seeded 12 demo jobs x 60 days up to " + DAY + "; invoking the packaged function with "
                + ROOT.relativize(event.toAbsolutePath()));
        ChildRun run = runPackaged(stack, event);
        System.out.println(run.output());
    }

    /**
     * The on-call widget's cold start: the packaged function (the same zip, the widget's handler) in a fresh JVM,
     * five times, drawing the open incidents and then a job's chart from a health table a real run filled.
     */
    private void widget() throws Exception {
        Stack stack = stack();
        seed(stack.counts(), 1000, 60, 7);
        runPackaged(stack, ROOT.resolve("events/health-check-scheduled.json"));
        Path list =
                Files.writeString(Files.createTempFile("widget", ".json"), "{\"widgetContext\": {\"width\": 1200}}");
        Path chart = Files.writeString(
                Files.createTempFile("widget", ".json"),
                "{\"job\": \"email/promo/DE-00050\", \"widgetContext\": {\"width\": 1200}}");
        for (Path event : List.of(list, chart)) {
            System.out.println("\nOn-call widget, " + (event == list ? "open incidents" : "a job's chart")
                    + " (JVM start to first response), 5 runs:");
            List<Long> walls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                var run = PackagedFunction.run(
                        ROOT.resolve("functions/health-check/target/function.zip"),
                        "io.autowatch.functions.healthcheck.OnCallWidgetHandler",
                        event,
                        childEnv(Map.of("HEALTH_TABLE", stack.health())),
                        PackagedFunction.optionsFromEnvironment(),
                        0);
                walls.add(run.wallMillis());
                System.out.println("  wall_ms=" + run.wallMillis() + "  "
                        + run.output()
                                .lines()
                                .filter(l -> l.startsWith("TIMING") || l.startsWith("PEAK_RSS"))
                                .toList()
                        + "  html_chars=" + run.output().length() + " chart="
                        + run.output().contains("<svg")
                        + " incident_rows=" + (run.output().split("<tr><td>", -1).length - 1));
            }
            walls.sort(Long::compare);
            System.out.printf("RESULT widget_cold_start_median_wall_ms=%d%n", walls.get(2));
        }
        pool.shutdownNow();
    }

    private void bench(int jobs, int days, Optional<String> policy) throws Exception {
        System.out.printf("Seeding %,d jobs x %d days ...%n", jobs, days);
        Stack stack = stack();
        long seedStart = System.nanoTime();
        seed(stack.counts(), jobs, days, 42);
        System.out.printf("Seeded %,d items in %.1f s%n", (long) jobs * days, seconds(seedStart));
        // A policy named here is every job's, through the deployment-wide settings item, as a user would set it.
        policy.ifPresent(p -> dynamoDb.putItem(b -> b.tableName(stack.health())
                .item(Map.of(
                        HealthKeys.PK,
                        AttributeValue.fromS(HealthKeys.SETTINGS),
                        HealthKeys.SK,
                        AttributeValue.fromS("default"),
                        "policy",
                        AttributeValue.fromS(p)))));
        int lookback =
                new DynamoDbSettingsSource(dynamoDb, stack.health()).load().maxLookbackDays();
        System.out.printf("Policy: %s; look-back %d days%n", policy.orElse("the default"), lookback);

        var config = new HealthCheckConfig(
                stack.counts(),
                stack.health(),
                stack.chatTopic(),
                Optional.of(stack.pagingTopic()),
                AwsEmulator.REGION.id(),
                16);
        Clock clock = Clock.fixed(EVENT_TIME.plusSeconds(60), ZoneOffset.UTC);
        ExecutorService readers = Executors.newFixedThreadPool(config.parallelism());
        CountsReader reader = new DynamoDbCountsReader(dynamoDb, stack.counts(), readers);
        HealthCheckService service = HealthCheckWiring.create(config, dynamoDb, sns, clock);
        LocalDate from = DAY.minusDays(lookback);
        reader.read(from, DAY); // warm-up: JIT and DynamoDB Local's caches

        // Three kinds of run, each right after a read floor of its own days, so that a machine busy with other work
        // for a while slows both of a pair alike. A quiet day (the day before the seeded incidents; three times, the
        // median reported), the bad day (500 of the 10,000 jobs alert), then a re-run of the bad day, whose notices
        // were sent already.
        double[] quiet = new double[3];
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] = pair("quiet day " + (i + 1), reader, service, DAY.minusDays(1), lookback);
        }
        double bad = pair("bad day", reader, service, DAY, lookback);
        double rerun = pair("re-run of the bad day", reader, service, DAY, lookback);
        Arrays.sort(quiet);
        System.out.printf(
                "%nRESULT jobs=%d quiet_day_pair_ratio_median=%.2f bad_day_pair_ratio=%.2f rerun_pair_ratio=%.2f%n",
                jobs, quiet[1], bad, rerun);

        Stack fresh =
                new Stack(stack.counts(), DynamoDbLocal.uniqueName("health"), stack.chatTopic(), stack.pagingTopic());
        dynamoDb.createTable(Tables.healthTable(fresh.health()));
        if (policy.isPresent()) {
            System.out.println("\n(The packaged run and the cold start below use the default policy.)");
        }
        ChildRun packaged = runPackaged(fresh, ROOT.resolve("events/health-check-scheduled.json"));
        System.out.println("\nPackaged function, full run on the same data in a fresh JVM:\n" + packaged.output());
        System.out.printf("RESULT packaged_full_run_wall_ms=%d%n", packaged.wallMillis());

        System.out.println("\nCold start (JVM start to first response, 100 jobs x 30 days), 5 runs:");
        Stack small = stack();
        seed(small.counts(), 100, 30, 7);
        List<Long> walls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Stack run = new Stack(
                    small.counts(), DynamoDbLocal.uniqueName("health"), small.chatTopic(), small.pagingTopic());
            dynamoDb.createTable(Tables.healthTable(run.health()));
            ChildRun cold = runPackaged(run, ROOT.resolve("events/health-check-scheduled.json"));
            walls.add(cold.wallMillis());
            System.out.println("  wall_ms=" + cold.wallMillis() + "  "
                    + cold.output()
                            .lines()
                            .filter(l -> l.startsWith("TIMING") || l.startsWith("PEAK_RSS"))
                            .toList());
        }
        walls.sort(Long::compare);
        Path zip = ROOT.resolve("functions/health-check/target/function.zip");
        System.out.printf("RESULT cold_start_median_wall_ms=%d package_bytes=%d%n", walls.get(2), Files.size(zip));
        readers.shutdownNow();
        pool.shutdownNow();
    }

    /**
     * One shard of a run in shards, as the workflow's worker runs it: {@code jobs} jobs × {@code days} days seeded and
     * registered (as the counts stream registers them), then shard 1 of {@code shards} (about jobs ÷ shards jobs,
     * read from the registry and each job by key) in the packaged function in a fresh JVM, as Lambda loads it;
     * {@code HARNESS_CHILD_JAVA_OPTS} models the function's memory. Prints the worker's time and peak RSS, then the
     * plan and the summary of the whole run through the packaged function too.
     */
    private void shards(int jobs, int days, int shards) throws Exception {
        System.out.printf("Seeding %,d jobs x %d days ...%n", jobs, days);
        Stack stack = stack();
        long started = System.nanoTime();
        Map<JobId, LocalDate> lastDays = seed(stack.counts(), jobs, days, 42);
        System.out.printf("Seeded %,d items in %.1f s%n", (long) jobs * days, seconds(started));
        ExecutorService readers = Executors.newFixedThreadPool(16);
        started = System.nanoTime();
        register(stack, lastDays, readers);
        System.out.printf("Registered %,d jobs in %.1f s%n", lastDays.size(), seconds(started));
        String time = EVENT_TIME.toString();
        for (int index = 0; index < Math.min(shards, 2); index++) {
            Path event = Files.writeString(
                    Files.createTempFile("shard", ".json"),
                    "{\"id\": \"bench\", \"time\": \"" + time + "\", \"detail\": {\"shard\": {\"index\": " + index
                            + ", \"count\": " + shards + "}}}");
            ChildRun worker = runPackaged(stack, event);
            System.out.println("\nShard " + (index + 1) + " of " + shards + " (packaged function, fresh JVM):\n"
                    + worker.output());
            System.out.printf("RESULT shard=%d of=%d wall_ms=%d%n", index + 1, shards, worker.wallMillis());
        }
        readers.shutdownNow();
        pool.shutdownNow();
    }

    /**
     * A whole run in shards, end to end as the workflow runs it, each step the packaged function in a fresh JVM, with
     * the job registry filled as the counts stream fills it: the plan, every shard's worker one after another (in AWS
     * they run at once), and the summary with the
     * workers' answers. {@code HARNESS_CHILD_JAVA_OPTS} models the function's memory. Prints each step's time and peak
     * RSS, and the run's wall time as AWS would see it: plan + slowest shard + summary.
     */
    private void workflow(int jobs, int days) throws Exception {
        System.out.printf("Seeding %,d jobs x %d days ...%n", jobs, days);
        Stack stack = stack();
        long started = System.nanoTime();
        Map<JobId, LocalDate> lastDays = seed(stack.counts(), jobs, days, 42);
        System.out.printf("Seeded %,d items in %.1f s%n", (long) jobs * days, seconds(started));
        started = System.nanoTime();
        register(stack, lastDays, pool);
        System.out.printf("Registered %,d jobs in %.1f s%n", lastDays.size(), seconds(started));
        String execution = "bench:" + UUID.randomUUID();
        Map<String, Object> scheduled = Map.of(
                "id",
                execution,
                "detail-type",
                "Scheduled Event",
                "source",
                "aws.scheduler",
                "time",
                EVENT_TIME.toString(),
                "detail",
                Map.of());
        Step plan = step(stack, Map.of("action", "plan", "execution", execution, "event", scheduled));
        List<?> shards = (List<?>) plan.reply().get("shards");
        System.out.printf("Plan: %d shards, %d ms, %s%n", shards.size(), plan.wallMillis(), plan.rss());
        List<Map<String, Object>> results = new ArrayList<>();
        List<Long> shardMillis = new ArrayList<>();
        for (Object shard : shards) {
            Step worker = step(
                    stack, Map.of("id", execution, "time", plan.reply().get("time"), "detail", Map.of("shard", shard)));
            results.add(worker.reply());
            shardMillis.add(worker.wallMillis());
            System.out.printf("Shard %s: %d ms, %s, %s%n", shard, worker.wallMillis(), worker.rss(), worker.reply());
        }
        Step summary = step(
                stack, Map.of("action", "summary", "execution", execution, "plan", plan.reply(), "results", results));
        System.out.printf("Summary: %d ms, %s, %s%n", summary.wallMillis(), summary.rss(), summary.reply());
        long slowest = shardMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        long total = shardMillis.stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                "RESULT jobs=%d days=%d shards=%d plan_ms=%d slowest_shard_ms=%d summary_ms=%d "
                        + "sequential_ms=%d wall_as_in_aws_ms=%d%n",
                jobs,
                days,
                shards.size(),
                plan.wallMillis(),
                slowest,
                summary.wallMillis(),
                plan.wallMillis() + total + summary.wallMillis(),
                plan.wallMillis() + slowest + summary.wallMillis());
        pool.shutdownNow();
    }

    /**
     * How long the two ways of reading every job's look-back take here, in this JVM after a warm-up, three times each:
     * a scan of the counts table (a whole run's read) and the registry's jobs read by key (a planned shard's).
     */
    private void reads(int jobs, int days) throws Exception {
        Stack stack = stack();
        seed(stack.counts(), jobs, days, 42);
        ExecutorService readers = Executors.newFixedThreadPool(16);
        var registry = new DynamoDbJobRegistry(dynamoDb, stack.health(), readers);
        var reader = new DynamoDbCountsReader(dynamoDb, stack.counts(), readers, registry);
        var scanner = new DynamoDbCountsReader(dynamoDb, stack.counts(), readers);
        LocalDate from = DAY.minusDays(days - 1);
        RegistryBackfill.fill(reader, registry, from, DAY);
        registry.markFilled(DAY);
        for (int round = 0; round < 4; round++) {
            long t = System.nanoTime();
            int scanned = scanner.read(from, DAY).series().size();
            double scan = seconds(t);
            t = System.nanoTime();
            int byKey = reader.read(from, DAY, Shard.ALL, Set.of()).series().size();
            double key = seconds(t);
            System.out.printf(
                    "round %d: scan %.2f s (%d jobs), registry and keys %.2f s (%d jobs)%n",
                    round, scan, scanned, key, byKey);
        }
        readers.shutdownNow();
        pool.shutdownNow();
    }

    /**
     * The job registry as the counts stream fills it in AWS (each job's first count of a day, its last day): from the
     * seed's own list, as one write per job, so that a large run is not preceded by the upgrade's one-time scan.
     */
    private void register(Stack stack, Map<JobId, LocalDate> lastDays, ExecutorService executor) {
        var registry = new DynamoDbJobRegistry(dynamoDb, stack.health(), executor);
        registry.record(lastDays);
        registry.markFilled(DAY);
    }

    private record Step(Map<String, Object> reply, long wallMillis, String rss) {}

    private Step step(Stack stack, Map<String, Object> event) throws Exception {
        Path file = Files.writeString(Files.createTempFile("step", ".json"), Json.write(event));
        ChildRun run = runPackaged(stack, file);
        String response = run.output()
                .lines()
                .filter(l -> l.startsWith("RESPONSE "))
                .findFirst()
                .orElseThrow()
                .substring("RESPONSE ".length());
        String rss = run.output()
                .lines()
                .filter(l -> l.startsWith("PEAK_RSS"))
                .findFirst()
                .orElse("PEAK_RSS ?");
        return new Step(Json.readObject(response.getBytes(StandardCharsets.UTF_8)), run.wallMillis(), rss);
    }

    /**
     * A whole run (the Scheduled Event sent straight to the function) of this checkout's zip against another build's,
     * on the same {@code jobs} × {@code days}, taking turns three times, each on a fresh health table whose job
     * registry is filled first, untimed, as the counts stream keeps it. The counts table keeps the {@code by-day} index
     * that builds before 0.5.0 read through, so that both can run on it.
     */
    private static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L);
    }

    /** The CPU the SNS emulator (moto_server) has used so far; 0 without it. */
    private static long motoCpuMillis() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("moto_server"))
                .mapToLong(LocalHarness::cpuMillis)
                .sum();
    }

    private void compareWholeRuns(Path baseline, int jobs, int days) throws Exception {
        Path current = ROOT.resolve("functions/health-check/target/function.zip");
        Stack stack = legacyStack();
        System.out.printf("Seeding %,d jobs x %d days ...%n", jobs, days);
        seed(stack.counts(), jobs, days, 42);
        double[] ratios = new double[3];
        for (int i = 0; i < ratios.length; i++) {
            long[] walls = new long[2];
            for (int k = 0; k < 2; k++) {
                Stack run = new Stack(
                        stack.counts(), DynamoDbLocal.uniqueName("health"), stack.chatTopic(), stack.pagingTopic());
                dynamoDb.createTable(Tables.healthTable(run.health()));
                // The job registry as the counts stream keeps it in AWS (untimed; a build before 0.5.0 ignores it).
                var registry = new DynamoDbJobRegistry(dynamoDb, run.health(), pool);
                RegistryBackfill.fill(
                        new DynamoDbCountsReader(dynamoDb, run.counts(), pool), registry, DAY.minusDays(days), DAY);
                registry.markFilled(DAY);
                // CPU as well as time: on a machine whose cores are all busy, the CPU each side spends is what decides.
                long harnessCpu = cpuMillis(ProcessHandle.current());
                long motoCpu = motoCpuMillis();
                ChildRun child = runPackaged(k == 0 ? current : baseline, run, ROOT.resolve(SCHEDULED));
                walls[k] = child.wallMillis();
                System.out.println((k == 0 ? "  this checkout  " : "  baseline       ") + "wall_ms="
                        + child.wallMillis() + " cpu_ms: DynamoDB Local and harness "
                        + (cpuMillis(ProcessHandle.current()) - harnessCpu) + ", moto " + (motoCpuMillis() - motoCpu)
                        + "  "
                        + child.output()
                                .lines()
                                .filter(l -> l.startsWith("PEAK_RSS")
                                        || l.startsWith("CPU_MS")
                                        || l.contains("\"run_completed\""))
                                .map(l -> l.length() > 700 ? l.substring(0, 700) : l)
                                .toList());
            }
            ratios[i] = (double) walls[0] / walls[1];
        }
        Arrays.sort(ratios);
        System.out.printf(
                "RESULT jobs=%d days=%d whole_run_pair_ratio_median=%.3f (this checkout / baseline)%n",
                jobs, days, ratios[1]);
        pool.shutdownNow();
    }

    /**
     * This checkout's packaged function against another build's zip (say, an earlier commit's), on the same 100 jobs x
     * 30 days: a fresh JVM and a fresh health table per run, the two taking turns so that a machine whose speed
     * drifts slows both alike; prints both medians and the median of the pairs' ratios.
     */
    private void coldStartAgainst(Path baseline) throws Exception {
        Path current = ROOT.resolve("functions/health-check/target/function.zip");
        Stack small = legacyStack();
        seed(small.counts(), 100, 30, 7);
        int pairs = 7;
        long[] a = new long[pairs];
        long[] b = new long[pairs];
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            for (boolean isCurrent : new boolean[] {true, false}) {
                Stack run = new Stack(
                        small.counts(), DynamoDbLocal.uniqueName("health"), small.chatTopic(), small.pagingTopic());
                dynamoDb.createTable(Tables.healthTable(run.health()));
                ChildRun cold = runPackaged(isCurrent ? current : baseline, run, ROOT.resolve(SCHEDULED));
                (isCurrent ? a : b)[i] = cold.wallMillis();
                System.out.println((isCurrent ? "  this checkout  " : "  baseline       ") + "wall_ms="
                        + cold.wallMillis() + "  "
                        + cold.output()
                                .lines()
                                .filter(l -> l.startsWith("TIMING") || l.startsWith("PEAK_RSS"))
                                .toList());
            }
            ratios[i] = (double) a[i] / b[i];
        }
        Arrays.sort(a);
        Arrays.sort(b);
        Arrays.sort(ratios);
        System.out.printf(
                "RESULT cold_start_median_wall_ms=%d baseline_median_wall_ms=%d pair_ratio_median=%.3f "
                        + "package_bytes=%d baseline_package_bytes=%d%n",
                a[pairs / 2], b[pairs / 2], ratios[pairs / 2], Files.size(current), Files.size(baseline));
        pool.shutdownNow();
    }

    /**
     * A read floor (every job's look-back read, nothing else) and then the full check of {@code day}, the check a
     * schedule starts half an hour after that day ends; returns the check's time over the floor's.
     */
    private double pair(String label, CountsReader reader, HealthCheckService service, LocalDate day, int lookback) {
        long t = System.nanoTime();
        CountsReader.Snapshot snapshot = reader.read(day.minusDays(lookback), day);
        double floor = seconds(t);
        t = System.nanoTime();
        RunSummary summary = service.run(CheckRequest.scheduled(
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(1800)));
        double full = seconds(t);
        System.out.printf(
                "%s: read floor %.2f s (%,d jobs), full check %.2f s, ratio %.2f  %s%n",
                label, floor, snapshot.series().size(), full, full / floor, summary.fields());
        return full / floor;
    }

    private record ChildRun(String output, long wallMillis) {}

    /** A child function's environment: this harness's endpoints and local credentials, and {@code own}. */
    private Map<String, String> childEnv(Map<String, String> own) {
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION",
                AwsEmulator.REGION.id(),
                "AWS_ACCESS_KEY_ID",
                "local",
                "AWS_SECRET_ACCESS_KEY",
                "local",
                "AWS_ENDPOINT_URL_DYNAMODB",
                dynamoDbEndpoint,
                "AWS_ENDPOINT_URL_SNS",
                snsEndpoint));
        env.putAll(own);
        return env;
    }

    /** Runs function.zip in a new JVM, as Lambda would load it, against this harness's endpoints. */
    private ChildRun runPackaged(Stack stack, Path event) throws Exception {
        return runPackaged(ROOT.resolve("functions/health-check/target/function.zip"), stack, event);
    }

    private ChildRun runPackaged(Path zip, Stack stack, Path event) throws Exception {
        var run = PackagedFunction.run(
                zip,
                HANDLER,
                event,
                childEnv(Map.of(
                        "COUNTS_TABLE", stack.counts(),
                        "HEALTH_TABLE", stack.health(),
                        "CHAT_TOPIC_ARN", stack.chatTopic(),
                        "PAGING_TOPIC_ARN", stack.pagingTopic())),
                PackagedFunction.optionsFromEnvironment(),
                0);
        return new ChildRun(run.output(), run.wallMillis());
    }

    /**
     * Realistic counts: each job has its own level and weekly shape with ±5% noise. On the last day, every 50th
     * job halves (a partial failure), the next one doubles (sent twice), every 100th stops reporting, and every
     * 200th job is new (three days old).
     */
    private Map<JobId, LocalDate> seed(String table, int jobs, int days, long randomSeed) throws Exception {
        Random random = new Random(randomSeed);
        Map<JobId, LocalDate> lastDays = new HashMap<>();
        List<WriteRequest> batch = new ArrayList<>();
        List<Future<?>> writes = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            String job = "email/%s/%s-%05d"
                    .formatted(
                            j % 3 == 0 ? "daily-active" : j % 3 == 1 ? "weekly" : "promo",
                            List.of("IN", "BR", "DE", "US", "FR", "JP").get(j % 6),
                            j);
            double level = 100 + random.nextDouble() * 100_000;
            double[] week = new double[7];
            for (int d = 0; d < 7; d++) {
                week[d] = 0.8 + random.nextDouble() * 0.4;
            }
            int firstDay = j % 200 == 3 ? 3 : days;
            lastDays.put(JobId.of(job), j % 100 == 2 ? DAY.minusDays(1) : DAY);
            for (int back = firstDay - 1; back >= 0; back--) {
                LocalDate day = DAY.minusDays(back);
                double value = level * week[day.getDayOfWeek().getValue() - 1] * (0.95 + random.nextDouble() * 0.1);
                if (back == 0) {
                    if (j % 100 == 2) {
                        continue;
                    }
                    value *= j % 50 == 0 ? 0.4 : j % 50 == 1 ? 2.0 : 1.0;
                }
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of(
                                        "job", AttributeValue.fromS(job),
                                        "day", AttributeValue.fromS(day.toString()),
                                        "count", AttributeValue.fromN(Long.toString(Math.round(value)))))
                                .build())
                        .build());
                if (batch.size() == 25) {
                    List<WriteRequest> full = batch;
                    writes.add(pool.submit(() -> write(table, full)));
                    batch = new ArrayList<>();
                    // A bounded backlog: a large seed must not hold every item in memory before it is written.
                    while (writes.size() > 2_000) {
                        writes.removeFirst().get();
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            List<WriteRequest> last = batch;
            writes.add(pool.submit(() -> write(table, last)));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        return lastDays;
    }

    private void write(String table, List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        while (!pending.isEmpty()) {
            List<WriteRequest> sending = pending;
            pending = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, sending)))
                    .unprocessedItems()
                    .getOrDefault(table, List.of());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
