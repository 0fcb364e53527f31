package io.autowatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbSettingsSource;
import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.health.Backtest;
import io.autowatch.health.ClassicPolicy;
import io.autowatch.health.DayJudge;
import io.autowatch.health.SettingsBook;
import io.autowatch.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local runtime started in a test: the demo, the dashboard's API and page, the webhook, the chart. */
class LocalRuntimeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 20);
    private static final String SECRET = "local-test-secret";
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static Path state;
    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        state = Files.createTempDirectory("autowatch-state");
        var options = new LocalRuntime.Options(
                0,
                Optional.empty(),
                state,
                LocalTime.of(0, 30),
                SECRET,
                Optional.empty(),
                "http://127.0.0.1:9",
                Optional.empty(),
                "datadoghq.com",
                Optional.empty());
        runtime = new LocalRuntime(
                        options,
                        new PrintStream(CONSOLE, true, StandardCharsets.UTF_8),
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .start();
        DemoData.seed(runtime.dynamo().client(), LocalDynamo.COUNTS_TABLE, YESTERDAY);
        DemoData.seedSettings(runtime.dynamo().client(), LocalDynamo.HEALTH_TABLE);
        runtime.backfill(YESTERDAY.minusDays(29), YESTERDAY);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object value) {
        return (Map<String, Object>) value;
    }

    private static String status(String job, LocalDate day) {
        return runtime.results().between(job, day, day).getFirst().status();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(runtime.httpUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemo_showsItsIncidents_asTheCheckSawThem() throws Exception {
        assertThat(status("email/promo/DE", YESTERDAY.minusDays(20))).isEqualTo("UNHEALTHY");
        assertThat(status("email/daily-digest/US", YESTERDAY.minusDays(9))).isEqualTo("UNHEALTHY");
        assertThat(status("email/welcome/FR", YESTERDAY.minusDays(2))).isEqualTo("ZERO");
        assertThat(status("email/welcome/FR", YESTERDAY.minusDays(1))).isEqualTo("HEALTHY");
        assertThat(runtime.results().latest()).hasSize(21);

        List<Map<String, Object>> alerts = Files.readAllLines(runtime.alertLog()).stream()
                .map(Json::readObject)
                .toList();
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("attributes"))
                    .isEqualTo(Map.of("job", "email/welcome/FR", "status", "ZERO", "severity", "critical"));
            assertThat(obj(a.get("chat"))).containsEntry("version", "1.0").containsEntry("source", "custom");
            assertThat(obj(a.get("paging"))).containsEntry("NewStateValue", "ALARM");
        });
        assertThat(alerts).as("the partial failure recovers the next day").anySatisfy(a -> {
            assertThat(a.get("attributes"))
                    .isEqualTo(Map.of("job", "email/daily-digest/US", "status", "HEALTHY", "severity", "critical"));
            assertThat(obj(a.get("paging"))).containsEntry("NewStateValue", "OK");
        });
        assertThat(alerts)
                .filteredOn(a -> ((Map<?, ?>) a.get("attributes")).get("job").equals("email/welcome/IS"))
                .as("zero days are normal for it: never alerts on zero")
                .noneSatisfy(a -> assertThat(((Map<?, ?>) a.get("attributes")).get("status"))
                        .isEqualTo("ZERO"));
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).contains("ALERT").contains("email/welcome/FR");
    }

    @Test
    void backtest_judgesEachDayExactlyAsTheCheckDid() {
        String job = "email/daily-digest/US";
        var executor = Executors.newFixedThreadPool(4);
        try {
            var snapshot = new DynamoDbCountsReader(runtime.dynamo().client(), LocalDynamo.COUNTS_TABLE, executor)
                    .read(YESTERDAY.minusDays(29 + 42), YESTERDAY);
            CountSeries series = snapshot.series().get(JobId.of(job));
            var settings = ((SettingsBook.Resolved)
                            new DynamoDbSettingsSource(runtime.dynamo().client(), LocalDynamo.HEALTH_TABLE)
                                    .load()
                                    .resolve(JobId.of(job)))
                    .settings();
            List<DayJudge.Judged> days =
                    Backtest.run(series, YESTERDAY.minusDays(29), YESTERDAY, settings, new ClassicPolicy());
            var stored = runtime.results().between(job, YESTERDAY.minusDays(29), YESTERDAY);
            assertThat(days)
                    .extracting(d -> d.assessment().day() + " " + d.assessment().status())
                    .containsExactlyElementsOf(
                            stored.stream().map(p -> p.day() + " " + p.status()).toList());
            assertThat(days.get(20).assessment().bands().orElseThrow().sigmaHigh())
                    .isEqualTo(stored.get(20).sigmaHigh().orElseThrow());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theDashboardApi_servesJobsAndChartData_andThePage() throws Exception {
        List<?> jobs = (List<?>)
                Json.readObject("{\"v\": " + get("/api/jobs").body() + "}").get("v");
        assertThat(jobs).hasSize(21).first().satisfies(j -> assertThat(obj(j))
                .containsKeys("job", "day", "status", "count"));
        Map<String, Object> chart =
                Json.readObject(get("/api/chart?job=email/welcome/FR").body());
        assertThat((List<?>) chart.get("days")).hasSize(30);
        assertThat((List<?>) chart.get("statuses")).element(27).isEqualTo("ZERO");
        assertThat((List<?>) chart.get("sigmaHigh")).element(27).isInstanceOf(Number.class);
        assertThat(get("/").body()).contains("autowatch · job health").contains("/static/chart.umd.min.js");
        assertThat(get("/static/chart.umd.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        var check = HTTP.send(
                HttpRequest.newBuilder(runtime.httpUri().resolve("/api/check?day=2026-11-20"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.readObject(check.body())).containsEntry("checked", 21).containsEntry("alerts", 0);
    }

    @Test
    void aSignedWebhook_reachesTheFunction_asAnApiGatewayEvent() throws Exception {
        WebhookSignature signature = new WebhookSignature(SECRET);
        String ping = "{\"zen\": \"Design for failure.\", \"hook_id\": 1}";
        assertThat(post("ping", ping, signature.sign(ping.getBytes(StandardCharsets.UTF_8)))
                        .statusCode())
                .isEqualTo(200);
        String comment = "{\"action\": \"created\", \"issue\": {\"number\": 1, \"pull_request\": {}}, \"comment\": "
                + "{\"id\": 5, \"body\": \"nice\", \"user\": {\"login\": \"x\"}}, \"repository\": {\"full_name\": \"o/r\"}}";
        assertThat(post("issue_comment", comment, signature.sign(comment.getBytes(StandardCharsets.UTF_8)))
                        .statusCode())
                .isEqualTo(204);
        assertThat(post("ping", ping, "sha256=00").statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> post(String event, String body, String signature) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(runtime.httpUri().resolve("/webhooks/github"))
                        .header("X-GitHub-Event", event)
                        .header("X-GitHub-Delivery", "d-1")
                        .header("X-Hub-Signature-256", signature)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theChartExport_writesAPng() throws Exception {
        Path png = Files.createTempFile("chart", ".png");
        ChartExport.png(
                "email/welcome/FR",
                runtime.results().between("email/welcome/FR", YESTERDAY.minusDays(29), YESTERDAY),
                png,
                900,
                400);
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    /** Loads the page in headless Chromium (Debian's chromium), reads back what Chart.js drew, keeps a screenshot. */
    @Test
    void thePage_drawsTheChart_withTheRightPointsAndBands() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(
                Files.isExecutable(chromium),
                "skipped: no /usr/bin/chromium (.ci/run installs Debian's chromium when it can)");
        String url = runtime.httpUri() + "/?job=email/welcome/FR";
        List<String> flags = List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium"),
                "--virtual-time-budget=10000");
        String dom = run(chromium, flags, "--dump-dom", url);
        String json = dom.substring(dom.indexOf("<pre id=\"chart-state\" hidden=\"\">") + 32);
        Map<String, Object> drawn =
                Json.readObject(json.substring(0, json.indexOf("</pre>")).replace("&quot;", "\""));
        Map<String, Object> expected =
                Json.readObject(get("/api/chart?job=email/welcome/FR").body());
        assertThat(drawn)
                .containsEntry("job", "email/welcome/FR")
                .containsEntry("points", 30)
                .containsEntry("drawn", 30);
        assertThat((List<?>) drawn.get("colors")).element(27).isEqualTo("#1565c0");
        for (String band : List.of("sigmaLow", "sigmaHigh", "percentLow", "percentHigh")) {
            assertThat(numbers(drawn.get(band))).as(band).isEqualTo(numbers(expected.get(band)));
        }
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        run(chromium, flags, "--screenshot=" + screenshot, "--window-size=1400,800", url);
        assertThat(screenshot).exists();
    }

    /** JavaScript writes 3548 where Java writes 3548.0: compare the values. */
    private static List<Double> numbers(Object list) {
        return ((List<?>) list)
                .stream()
                        .map(v -> v == null ? null : ((Number) v).doubleValue())
                        .toList();
    }

    private static String run(Path chromium, List<String> flags, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(chromium.toString()));
        command.addAll(flags);
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
