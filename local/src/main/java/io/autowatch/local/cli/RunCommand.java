package io.autowatch.local.cli;

import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.local.demo.DemoData;
import io.autowatch.local.demo.DemoOutput;
import io.autowatch.local.demo.DemoSummary;
import io.autowatch.local.runtime.LocalDynamo;
import io.autowatch.local.runtime.LocalRuntime;
import io.autowatch.local.runtime.LocalSchemaSync;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Start autowatch on this machine, its functions in one process: DynamoDB Local, the webhook and"
                + " its worker, the health check and its "
                + "dashboard. Ctrl-C stops it.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--demo", description = "Seed a year of e-mail sends with incidents, and check the last 90 days")
    boolean demo;

    @Option(names = "--data", description = "Keep DynamoDB's data in this folder (default: in memory)")
    Optional<Path> data;

    @Option(
            names = "--check-at",
            defaultValue = "00:30",
            description = "Time of the daily health check, UTC (default ${DEFAULT-VALUE})")
    LocalTime checkAt;

    @Option(
            names = "--state",
            defaultValue = ".autowatch",
            description = "Folder for the alert log and for the CLI to find this runtime (default ${DEFAULT-VALUE})")
    Path state;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        String secret = env.getOrDefault("GITHUB_WEBHOOK_SECRET", "autowatch-local-secret");
        Optional<String[]> keys = LocalSchemaSync.datadogKeys(env);
        var options = new LocalRuntime.Options(
                port,
                data,
                state,
                checkAt,
                secret,
                Optional.ofNullable(env.get("GITHUB_TOKEN")),
                env.getOrDefault("GITHUB_API_URL", "https://api.github.com"),
                keys,
                env.getOrDefault("DD_SITE", "datadoghq.com"),
                Optional.ofNullable(env.get("DATADOG_API_URL")));
        LocalRuntime runtime = new LocalRuntime(options, System.out, Clock.systemUTC()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping autowatch…");
            try {
                runtime.close();
            } catch (Exception e) {
                System.out.println("while stopping: " + e);
            }
            stopped.countDown();
        }));
        System.out.println("""

                autowatch is running
                  Dashboard       %s/
                  GitHub webhook  POST %s/webhooks/github   (secret: %s)
                  Schema sync     %s
                                  %s
                  Health check    daily at %s UTC, or now: curl -X POST '%s/api/check?day=YYYY-MM-DD'
                  DynamoDB Local  %s   (%s)
                  Alerts          printed here, and kept in %s
                  Logs            %s
                Press Ctrl-C to stop.
                """.formatted(
                runtime.httpUri(),
                runtime.httpUri(),
                env.containsKey("GITHUB_WEBHOOK_SECRET") ? "from GITHUB_WEBHOOK_SECRET" : "autowatch-local-secret",
                keys.isPresent() ? "Datadog keys set: esm register applies" : "plan only: no DD_API_KEY/DD_APP_KEY",
                options.githubToken().isPresent()
                        ? "GitHub token set"
                        : "no GITHUB_TOKEN: `./autowatch plan <folder>` " + "plans schemas from a folder",
                checkAt,
                runtime.httpUri(),
                runtime.dynamo().endpoint(),
                data.map(d -> "data kept in " + d).orElse("in memory"),
                runtime.alertLog(),
                runtime.logFile()));
        if (demo) {
            runDemo(runtime);
        }
        runtime.scheduleDaily();
        stopped.await();
        return 0;
    }

    private static void runDemo(LocalRuntime runtime) throws Exception {
        LocalDate yesterday = LocalDate.now(Clock.systemUTC()).minusDays(1);
        long start = System.nanoTime();
        int items = DemoData.seed(runtime.dynamo().client(), LocalDynamo.COUNTS_TABLE, yesterday);
        DemoData.seedSettings(runtime.dynamo().client(), LocalDynamo.HEALTH_TABLE);
        System.out.printf(
                "Demo: %d jobs, %,d daily counts up to %s. Incidents: %s.%n",
                DemoData.jobs().size(), items, yesterday, DemoOutput.incidents(DemoData.incidents(yesterday)));
        LocalDate from = yesterday.minusDays(89);
        System.out.print("Checking the last 90 days as daily runs would have (low-volume countries get settings "
                + "that suit them) ");
        runtime.quietAlerts(true);
        LocalDate dayBefore = yesterday.minusDays(1);
        for (LocalDate day = from; !day.isAfter(dayBefore); day = day.plusDays(10)) {
            LocalDate to = day.plusDays(9).isAfter(dayBefore) ? dayBefore : day.plusDays(9);
            runtime.backfill(day, to);
            System.out.print(".");
        }
        // Yesterday as the deployed schedule runs it: plan, a worker per shard, summary.
        Map<String, Object> scheduled = runtime.scheduledRun();
        System.out.print(".");
        runtime.quietAlerts(false);
        System.out.printf(
                " done in %.1f s.%n%d notifications were sent (see %s). Yesterday: %s.%n",
                (System.nanoTime() - start) / 1e9,
                runtime.notificationsSent(),
                runtime.alertLog(),
                DemoOutput.statuses(runtime.results().latest().stream()
                        .collect(Collectors.groupingBy(StoredResult::status, TreeMap::new, Collectors.counting()))));
        System.out.println(DemoOutput.scheduledRun(scheduled));
        System.out.println();
        System.out.print(DemoSummary.text(
                DemoSummary.score(
                        runtime.compareAll(DemoSummary.jobs(), from, yesterday), DemoData.incidents(yesterday)),
                DemoData.jobs().size(),
                90,
                JobSettings.DEFAULTS.policy()));
        System.out.println("\nOpen the dashboard: every job's chart, worst first, with both policies' alert days.");
    }
}
