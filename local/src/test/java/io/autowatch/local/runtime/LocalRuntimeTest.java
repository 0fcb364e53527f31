package io.autowatch.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.aws.dynamodb.DynamoDbAlertLedger;
import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbSettingsSource;
import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.aws.dynamodb.HealthKeys;
import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.judge.Backtest;
import io.autowatch.healthcheck.judge.DayJudge;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.healthcheck.view.OnCallPage;
import io.autowatch.healthcheck.view.OnCallView;
import io.autowatch.json.Json;
import io.autowatch.local.cli.ChartCommand;
import io.autowatch.local.cli.DashboardCommand;
import io.autowatch.local.cli.Main;
import io.autowatch.local.dashboard.ChartExport;
import io.autowatch.local.dashboard.DashboardData;
import io.autowatch.local.demo.DemoData;
import io.autowatch.local.demo.DemoSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URLEncoder;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local runtime started in a test: the demo, the dashboard's API and page, the webhook, the chart. */
class LocalRuntimeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 20);
    private static final String SECRET = "local-test-secret";
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static Path state;
    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Judged by classic until {@link #MOVED_ON}, by the default (adaptive) from then on. */
    private static final String MOVED = "email/welcome/FR";

    private static final LocalDate MOVED_ON = YESTERDAY.minusDays(14);
    /** The index of {@link #MOVED_ON} in a 30-day chart. */
    private static final int FIRST_ADAPTIVE = 15;

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
        // One job was on classic and moved to the default (adaptive) halfway: its chart shows both drawings.
        settings(MOVED, Map.of("policy", AttributeValue.fromS("classic")));
        runtime.backfill(YESTERDAY.minusDays(29), MOVED_ON.minusDays(1));
        runtime.dynamo().client().deleteItem(b -> b.tableName(LocalDynamo.HEALTH_TABLE)
                .key(Map.of(
                        HealthKeys.PK, AttributeValue.fromS(HealthKeys.SETTINGS),
                        HealthKeys.SK, AttributeValue.fromS("job:" + MOVED))));
        runtime.backfill(MOVED_ON, YESTERDAY);
    }

    private static void settings(String job, Map<String, AttributeValue> fields) {
        Map<String, AttributeValue> item = new HashMap<>(fields);
        item.put(HealthKeys.PK, AttributeValue.fromS(HealthKeys.SETTINGS));
        item.put(HealthKeys.SK, AttributeValue.fromS("job:" + job));
        runtime.dynamo().client().putItem(b -> b.tableName(LocalDynamo.HEALTH_TABLE)
                .item(item));
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
    void theScheduledRun_isTheWorkflowsPlanShardsAndSummary_inSeveralShards_andOncePerDay() throws Exception {
        Map<String, Object> summary = runtime.scheduledRun();

        assertThat(summary)
                .as("21 jobs, 8 to a shard")
                .containsEntry("day", YESTERDAY.toString())
                .containsEntry("shards", 3)
                .containsEntry("shardsFailed", 0)
                .containsEntry("checked", 21);
        assertThat(runtime.scheduledRun())
                .as("the schedule firing twice for one day")
                .containsEntry("day", YESTERDAY.toString())
                .containsKey("plannedBy");
        assertThat(Files.readString(runtime.logFile()))
                .contains("\"event\":\"run_planned\"", "\"event\":\"sharded_run_completed\"", "shard 3 of 3");
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
            assertThat(settings.policy()).as("the default").isEqualTo("adaptive");
            List<DayJudge.Judged> days = Backtest.run(
                    series,
                    YESTERDAY.minusDays(29),
                    YESTERDAY,
                    settings,
                    Policies.standard().named(settings.policy()).orElseThrow());
            var stored = runtime.results().between(job, YESTERDAY.minusDays(29), YESTERDAY);
            assertThat(days)
                    .extracting(d -> d.assessment().day() + " " + d.assessment().status())
                    .containsExactlyElementsOf(
                            stored.stream().map(p -> p.day() + " " + p.status()).toList());
            assertThat(days)
                    .extracting(d -> {
                        var e = d.assessment().expectation().orElseThrow();
                        return e.low() + ".." + e.high() + " " + e.explanation();
                    })
                    .containsExactlyElementsOf(stored.stream()
                            .map(p -> {
                                var e = p.expectation().orElseThrow();
                                return e.low() + ".." + e.high() + " " + e.explanation();
                            })
                            .toList());
            assertThat(stored).allSatisfy(p -> assertThat(p.policy()).hasValue("adaptive"));
            assertThat(stored.get(20).sigmaHigh())
                    .as("adaptive stores its range, not bands")
                    .isEmpty();

            // Classic's days (the job that moved was on classic until MOVED_ON): the same, band for band.
            LocalDate lastClassic = MOVED_ON.minusDays(1);
            CountSeries moved = snapshot.series().get(JobId.of(MOVED));
            List<DayJudge.Judged> classicDays = Backtest.run(
                    moved,
                    YESTERDAY.minusDays(29),
                    lastClassic,
                    JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME),
                    new ClassicPolicy());
            var storedClassic = runtime.results().between(MOVED, YESTERDAY.minusDays(29), lastClassic);
            assertThat(classicDays)
                    .extracting(d -> d.assessment().day() + " " + d.assessment().status())
                    .containsExactlyElementsOf(storedClassic.stream()
                            .map(p -> p.day() + " " + p.status())
                            .toList());
            assertThat(classicDays.get(10).assessment().bands().orElseThrow().sigmaHigh())
                    .isEqualTo(storedClassic.get(10).sigmaHigh().orElseThrow());
            assertThat(storedClassic).allSatisfy(p -> assertThat(p.policy()).hasValue("classic"));
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
        assertThat(list(chart.get("legend"))).containsExactly("classic", "adaptive");
        assertThat((List<?>) chart.get("policies")).element(FIRST_ADAPTIVE - 1).isEqualTo("classic");
        assertThat((List<?>) chart.get("policies")).element(FIRST_ADAPTIVE).isEqualTo("adaptive");
        assertThat((List<?>) chart.get("sigmaHigh"))
                .as("classic's bands on classic's days")
                .element(FIRST_ADAPTIVE - 1)
                .isInstanceOf(Number.class);
        assertThat((List<?>) chart.get("sigmaHigh"))
                .as("and not on adaptive's: its numbers are a range, drawn as one")
                .element(27)
                .isNull();
        assertThat((List<?>) chart.get("expectedHigh"))
                .as("the range that would not have alerted, on the zero day too")
                .element(27)
                .isInstanceOf(Number.class);
        assertThat((List<?>) chart.get("expectedLow"))
                .element(FIRST_ADAPTIVE - 1)
                .isNull();
        assertThat((List<?>) chart.get("explanations")).element(27).asString().startsWith("Counted nothing, expected ");
        assertThat(jobs).allSatisfy(j -> assertThat(obj(j)).containsKey("policy"));

        Map<String, Object> compare =
                Json.readObject(get("/api/compare?job=email/promo/DE&from=" + YESTERDAY.minusDays(29))
                        .body());
        assertThat(compare)
                .containsEntry("current", "adaptive")
                .containsEntry("policies", List.of("classic", "adaptive"));
        assertThat((List<?>) compare.get("days")).hasSize(30);
        var byPolicy = obj(compare.get("alertDays"));
        var direct = runtime.compare("email/promo/DE", YESTERDAY.minusDays(29), YESTERDAY);
        for (String policy : List.of("classic", "adaptive")) {
            assertThat(list(byPolicy.get(policy)))
                    .as(policy)
                    .containsExactlyElementsOf(direct.alertDays(policy).stream()
                            .map(LocalDate::toString)
                            .toList())
                    .contains(YESTERDAY.minusDays(20).toString());
            assertThat((List<?>) obj(obj(compare.get("verdicts")).get(policy)).get("statuses"))
                    .hasSize(30)
                    .element(9)
                    .isEqualTo("UNHEALTHY");
        }
        var unknown = get("/api/compare?job=no/such/job");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.readObject(unknown.body()).get("message").toString()).contains("no counts for 'no/such/job'");
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
    void lastAlertDays_isEachJobsLatestAlertingDay_asItsStoredResultsSay() {
        var days = runtime.results().lastAlertDays();
        for (String job : List.of("email/promo/DE", "email/welcome/FR", "email/daily-digest/US", "email/promo/BR")) {
            var alerted = runtime.results().between(job, YESTERDAY.minusDays(400), YESTERDAY).stream()
                    .filter(StoredResult::alerted)
                    .map(StoredResult::day)
                    .max(LocalDate::compareTo);
            assertThat(Optional.ofNullable(days.get(job))).as(job).isEqualTo(alerted);
        }
        assertThat(days).isNotEmpty();
    }

    @Test
    void retire_throughTheRuntime_isTheFunctionsRetirement_andAJobWithoutAnIncidentIsJustRetired() throws Exception {
        // A job of its own, that wrote a count two days before its retirement and never alerted.
        runtime.dynamo().client().putItem(b -> b.tableName(LocalDynamo.COUNTS_TABLE)
                .item(Map.of(
                        "job", AttributeValue.fromS("email/legacy/XX"),
                        "day", AttributeValue.fromS(YESTERDAY.minusDays(1).toString()),
                        "count", AttributeValue.fromN("40"))));
        var response = HTTP.send(
                HttpRequest.newBuilder(runtime.httpUri().resolve("/api/retire?job=email/legacy/XX&reason=gone"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.readObject(response.body()))
                .containsEntry("retired", List.of("email/legacy/XX"))
                .containsEntry("incidentsResolved", List.of())
                .containsEntry("jobsNotFound", List.of());
        var mistyped = HTTP.send(
                HttpRequest.newBuilder(runtime.httpUri().resolve("/api/retire?job=email/legacy/XY&reason=gone"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.readObject(mistyped.body()))
                .as("an id that wrote nothing and has no incident is left alone, and said")
                .containsEntry("retired", List.of())
                .containsEntry("jobsNotFound", List.of("email/legacy/XY"));
        var refused = HTTP.send(
                HttpRequest.newBuilder(runtime.httpUri().resolve("/api/retire?job=%0A"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("a job id with a control character").isEqualTo(400);
        var crossSite = HTTP.send(
                HttpRequest.newBuilder(runtime.httpUri().resolve("/api/retire?job=email/promo/DE"))
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode())
                .as("another site's page may not retire jobs here")
                .isEqualTo(403);
        assertThat(Json.readObject(refused.body()).get("message").toString()).contains("'detail.retire'");
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

    @Test
    void aPullRequestEvent_withoutAGitHubToken_recordsTheHead_andSkipsItsAutoplanWithoutAnError() throws Exception {
        WebhookSignature signature = new WebhookSignature(SECRET);
        String opened = "{\"action\": \"opened\", \"number\": 3, \"pull_request\": {\"number\": 3, "
                + "\"updated_at\": \"2026-12-07T10:00:00Z\", \"author_association\": \"OWNER\", \"head\": {\"sha\": \""
                + "a".repeat(40) + "\"}}, \"repository\": {\"full_name\": \"o/r\"}, \"sender\": {\"login\": \"ann\"}}";

        HttpResponse<String> answer =
                post("pull_request", opened, signature.sign(opened.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("head of o/r#3 is " + "a".repeat(40));
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

    @Test
    void theChartExport_drawsEachDayAsItsPolicyDid_andNamesThePolicies() {
        var points = runtime.results().between(MOVED, YESTERDAY.minusDays(29), YESTERDAY);
        JFreeChart chart = ChartExport.chart(MOVED, points);
        XYPlot plot = chart.getXYPlot();

        var classicBand = plot.getDataset(ChartExport.SIGMA_BAND);
        var adaptiveRange = plot.getDataset(ChartExport.EXPECTED_RANGE);
        assertThat(classicBand.getSeriesCount()).as("one run of classic days").isEqualTo(1);
        assertThat(adaptiveRange.getSeriesCount())
                .as("one run of adaptive days")
                .isEqualTo(1);
        int classicDays =
                (int) points.stream().filter(DashboardData::classicBands).count();
        assertThat(classicBand.getItemCount(0)).isEqualTo(classicDays).isBetween(7, FIRST_ADAPTIVE);
        assertThat(plot.getDataset(ChartExport.PERCENT_BAND).getItemCount(0)).isEqualTo(classicDays);
        assertThat(adaptiveRange.getItemCount(0)).isEqualTo(30 - FIRST_ADAPTIVE);
        var zeroDay = (YIntervalSeriesCollection) adaptiveRange;
        var stored = points.get(27).expectation().orElseThrow();
        assertThat(zeroDay.getYValue(0, 27 - FIRST_ADAPTIVE)).isEqualTo(stored.expected());
        assertThat(zeroDay.getStartYValue(0, 27 - FIRST_ADAPTIVE)).isEqualTo((double) stored.low());
        assertThat(zeroDay.getEndYValue(0, 27 - FIRST_ADAPTIVE)).isEqualTo((double) stored.high());

        List<String> legend = labels(plot);
        assertThat(legend)
                .contains(
                        "classic: μ ± kσ (its sigmas)",
                        "classic: μ ± p% (its percent)",
                        "adaptive: expected",
                        "adaptive: range without an alert");
        assertThat(((TextTitle) chart.getSubtitle(1)).getText()).isEqualTo("judged by classic and adaptive");
        var counts = (XYLineAndShapeRenderer) plot.getRenderer(ChartExport.COUNTS);
        assertThat(counts.getSeriesLinesVisible(0) == null || counts.getSeriesLinesVisible(0))
                .as("the counts are joined by a line")
                .isTrue();
        assertThat(counts.getDefaultLinesVisible()).isTrue();
        assertThat(ChartCommand.defaultFile(Path.of(".autowatch"), "../email/promo DE"))
                .as("the default file stays under .autowatch/charts")
                .isEqualTo(Path.of(".autowatch", "charts", "___email_promo_DE.png"));

        JFreeChart adaptiveOnly = ChartExport.chart(
                "email/promo/DE", runtime.results().between("email/promo/DE", YESTERDAY.minusDays(29), YESTERDAY));
        List<String> adaptiveLegend = labels(adaptiveOnly.getXYPlot());
        assertThat(adaptiveLegend).contains("adaptive: expected").doesNotContain("classic: μ ± kσ (its sigmas)");
        assertThat(adaptiveOnly.getXYPlot().getDataset(ChartExport.SIGMA_BAND).getSeriesCount())
                .isZero();
    }

    @Test
    void aMistypedOrWronglyCasedJobId_namesTheNearestKnownIds_inEveryCommandThatTakesOne() {
        assertThat(cli("chart", "emial/promo/DE"))
                .contains("error: no job 'emial/promo/DE' has been checked in the local runtime")
                .contains("did you mean email/promo/DE?")
                .doesNotContain("run the check first");
        assertThat(cli("compare", "Email/Promo/DE")).contains("did you mean email/promo/DE?");
        assertThat(cli("backtest", "email/promo/D")).contains("did you mean email/promo/DE");
        assertThat(cli("compare", "nothing/like/it"))
                .contains("no job 'nothing/like/it' has been checked")
                .contains("jobs have been");

        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            cli(
                    "counts",
                    "add",
                    "emial/promo/DE",
                    "0",
                    "--day",
                    YESTERDAY.minusDays(400).toString());
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("note: no job 'emial/promo/DE' has been checked")
                .contains("did you mean email/promo/DE? (adding to a new job)");
    }

    @Test
    void checkingToday_isRefusedInTheCommandsOwnWords_andAJobMayAskForItsOwnCheckWithJob() {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            String today = YESTERDAY.plusDays(1).toString(); // the runtime's today (its clock is fixed)
            cli("check", "--day", today);
            String refused = printed.toString(StandardCharsets.UTF_8);
            printed.reset();
            cli("check", "--day", today, "--job", "email/welcome/US");
            String own = printed.toString(StandardCharsets.UTF_8);

            assertThat(refused)
                    .contains("check failed: --day ")
                    .contains("is today (UTC), which has not ended")
                    .contains("with --job <job>")
                    .doesNotContain("detail.")
                    .doesNotContain("\"jobs\"");
            assertThat(own).contains("Checked 1 job for " + today);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void theToursBacktestExample_showsADifference_theWideFloorMissesThePartialFailure() {
        // The tour runs on today's data; this runtime's data ends on YESTERDAY, so the same 90 days are named.
        String from = YESTERDAY.minusDays(89).toString();
        String to = YESTERDAY.toString();
        assertThat(cli("backtest", "email/daily-digest/US", "--from", from, "--to", to))
                .contains("1 of 90 days would have alerted");
        assertThat(cli("backtest", "email/daily-digest/US", "--from", from, "--to", to, "--min-change-percent", "70"))
                .contains("0 of 90 days would have alerted")
                .contains("floor 5 and 70%");
    }

    @Test
    void theCompareAndBacktestCommands_printEachPolicysVerdicts_asTheCoreJudgesThem() {
        String job = "email/promo/DE";
        LocalDate from = YESTERDAY.minusDays(29);
        String compared = cli("compare", job, "--from", from.toString(), "--to", YESTERDAY.toString());
        var direct = runtime.compare(job, from, YESTERDAY);

        assertThat(compared)
                .contains(job + " from " + from + " to " + YESTERDAY + " under classic and adaptive (the job's policy: "
                        + "adaptive)")
                .containsPattern("day +count +classic +adaptive");
        assertThat(compared.lines().filter(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .*")))
                .as("one line per day")
                .hasSize(30);
        assertThat(compared.lines()
                        .filter(l -> l.startsWith(YESTERDAY.minusDays(20).toString())))
                .singleElement()
                .asString()
                .matches(".*UNHEALTHY  ALERT +UNHEALTHY  ALERT\\s*");
        for (String policy : List.of("classic", "adaptive")) {
            List<LocalDate> alerts = direct.alertDays(policy);
            assertThat(compared)
                    .contains(policy + ": " + " ".repeat(policy.equals("classic") ? 1 : 0) + alerts.size() + " of 30 "
                            + "days would have alerted: "
                            + String.join(
                                    ", ",
                                    alerts.stream().map(LocalDate::toString).toList()));
        }
        String alertsOnly =
                cli("compare", job, "--from", from.toString(), "--to", YESTERDAY.toString(), "--alerts-only");
        assertThat(alertsOnly.lines().filter(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .*")))
                .allSatisfy(l -> assertThat(l).contains("ALERT"))
                .isNotEmpty();

        String classic =
                cli("backtest", job, "--from", from.toString(), "--to", YESTERDAY.toString(), "--policy", "classic");
        assertThat(classic)
                .contains(direct.alertDays("classic").size()
                        + " of 30 days would have alerted (policy classic, window 14, 2σ, 20%");
        String adaptive = cli("backtest", job, "--from", from.toString(), "--to", YESTERDAY.toString());
        assertThat(adaptive)
                .contains(direct.alertDays("adaptive").size()
                        + " of 30 days would have alerted (policy adaptive, false-alarm rate 0.0001, floor 5 and 10%");
        var e = direct.days()
                .get(9)
                .verdicts()
                .get("adaptive")
                .assessment()
                .expectation()
                .orElseThrow();
        assertThat(adaptive.lines()
                        .filter(l -> l.startsWith(YESTERDAY.minusDays(20).toString())))
                .singleElement()
                .asString()
                .contains(String.format(Locale.ROOT, "%,d", e.low()))
                .contains(String.format(Locale.ROOT, "%,d", e.high()))
                .endsWith("ALERT");
        assertThat(cli("backtest", job, "--policy", "fancy")).contains("error: unknown policy 'fancy'");
    }

    @Test
    void theDemoSummary_showsBothPoliciesOnTheSameDays() {
        LocalDate from = YESTERDAY.minusDays(29);
        var scores = DemoSummary.score(
                runtime.compareAll(DemoSummary.jobs(), from, YESTERDAY), DemoData.incidents(YESTERDAY));
        assertThat(scores).extracting(DemoSummary.Score::policy).containsExactly("classic", "adaptive");
        var adaptive = scores.get(1);
        assertThat(adaptive.caught()).hasSize(3);
        assertThat(adaptive.missed()).isEmpty();
        assertThat(adaptive.alertDays()).isEqualTo(3);
        var classic = scores.get(0);
        assertThat(classic.caught()).hasSize(3);
        assertThat(classic.lowVolume() + classic.growth())
                .as("classic pages on Iceland's and Luxembourg's noise and Brazil's growth")
                .isPositive();
        String text = DemoSummary.text(scores, 21, 30, "adaptive");
        assertThat(text)
                .contains("the check above used the default policy, adaptive")
                .containsPattern("classic +" + classic.alertDays() + " +3 of 3")
                .containsPattern("adaptive +3 +3 of 3 +0 +0 +0");
    }

    private static List<String> labels(XYPlot plot) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            labels.add(plot.getLegendItems().get(i).getLabel());
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** Runs a CLI command in this JVM against the running runtime (found through the state folder). */
    private static String cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state", state.toString()));
        var out = new StringWriter();
        var line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(out, true));
        line.execute(all.toArray(String[]::new));
        return out.toString();
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
        // The job list: the demo's three incidents lead it, each saying when it alerted, above the quiet zero days.
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?s)<tr class=\"job[^\"]*\" data-job=\"([^\"]+)\"[^>]*>(.*?)</tr>")
                .matcher(dom);
        while (row.find()) {
            rows.add(
                    row.group(1) + " " + row.group(2).replaceAll("<[^>]+>", " ").strip());
        }
        Set<String> incidents =
                DemoData.incidents(YESTERDAY).stream().map(i -> i.job().value()).collect(Collectors.toSet());
        assertThat(rows).hasSize(21);
        // Other tests of this runtime may leave an incident open (●): those lead, then the demo's three.
        int open = (int) rows.stream().takeWhile(r -> r.contains("●")).count();
        assertThat(rows.subList(open, open + 3))
                .as("the demo's incidents right after any open one: " + rows)
                .allSatisfy(r -> assertThat(incidents).contains(r.substring(0, r.indexOf(' '))))
                .allSatisfy(r -> assertThat(r).contains("▲ "));
        assertThat(rows.subList(open + 3, rows.size()))
                .as("quiet zero days of Iceland and Luxembourg come after them")
                .anySatisfy(r -> assertThat(r).startsWith("email/welcome/IS").contains("ZERO"));
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
        assertThat(drawn).as("the job list fits its column").containsEntry("navOverflows", false);
        for (String band : List.of("sigmaLow", "sigmaHigh", "percentLow", "percentHigh")) {
            assertThat(numbers(drawn.get(band)))
                    .as(band + ", never drawn below zero")
                    .isEqualTo(numbers(expected.get(band)).stream()
                            .map(v -> v == null ? null : Math.max(0, v))
                            .toList());
            assertThat(numbers(drawn.get(band)).subList(7, FIRST_ADAPTIVE))
                    .as(band + " on classic's days")
                    .doesNotContainNull();
            assertThat(numbers(drawn.get(band)).subList(FIRST_ADAPTIVE, 30))
                    .as(band + " not on adaptive's")
                    .containsOnlyNulls();
        }
        for (String line : List.of("expected", "expectedLow", "expectedHigh")) {
            assertThat(numbers(drawn.get(line))).as(line).isEqualTo(numbers(expected.get(line)));
            assertThat(numbers(drawn.get(line)).subList(FIRST_ADAPTIVE, 30))
                    .as(line + " on adaptive's days")
                    .doesNotContainNull();
            assertThat(numbers(drawn.get(line)).subList(0, FIRST_ADAPTIVE)).containsOnlyNulls();
        }
        assertThat(drawn)
                .containsEntry("expectedColor", "#6a1b9a")
                .containsEntry("rangeColor", "rgba(106,27,154,.15)")
                .containsEntry("judgedBy", "judged by classic, then adaptive from " + MOVED_ON);
        assertThat(list(drawn.get("legend")))
                .contains(
                        "classic: μ ± kσ (its sigmas)",
                        "classic: μ ± p% (its percent)",
                        "classic: both bands overlap",
                        "adaptive: expected",
                        "adaptive: range without an alert");

        String compareJson = dom.substring(dom.indexOf("<pre id=\"compare-state\" hidden=\"\">") + 34);
        Map<String, Object> compared = Json.readObject(
                compareJson.substring(0, compareJson.indexOf("</pre>")).replace("&quot;", "\""));
        var direct = runtime.compare("email/welcome/FR", YESTERDAY.minusDays(89), YESTERDAY);
        List<String> anyAlert = direct.days().stream()
                .filter(d -> d.alerts("classic") || d.alerts("adaptive"))
                .map(d -> d.day() + " " + d.alerts("classic") + " " + d.alerts("adaptive"))
                .toList();
        assertThat(((List<?>) compared.get("rows"))
                        .stream()
                                .map(r -> {
                                    var cells = obj(obj(r).get("cells"));
                                    return obj(r).get("day") + " "
                                            + obj(cells.get("classic")).get("alerts") + " "
                                            + obj(cells.get("adaptive")).get("alerts");
                                })
                                .toList())
                .as("the table under the chart lists the days either policy alerts on")
                .isEqualTo(anyAlert)
                .contains(YESTERDAY.minusDays(2) + " true true");
        assertThat(compared.get("summary").toString())
                .contains("classic: " + direct.alertDays("classic").size() + " of 90 days would have alerted")
                .contains("adaptive: " + direct.alertDays("adaptive").size() + " of 90 days would have alerted");
        List<String> noWaiting = flags.stream()
                .filter(f -> !f.startsWith("--virtual-time-budget"))
                .toList();
        String atLoad = run(chromium, noWaiting, "--dump-dom", url);
        assertThat(atLoad)
                .as("the page arrives with its data: the chart is drawn at load, without waiting for requests")
                .contains("\"job\":\"email/welcome/FR\",\"points\":30");
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        run(chromium, flags, "--screenshot=" + screenshot, "--window-size=1400,800", url);
        assertThat(screenshot).exists();
    }

    @Test
    void theOnCallPage_listsOpenIncidentsCriticalFirst_andDrawsAJobsChart_inChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(
                Files.isExecutable(chromium),
                "skipped: no /usr/bin/chromium (.ci/run installs Debian's chromium when it can)");
        var ddb = runtime.dynamo().client();
        var view = new OnCallView(
                new DynamoDbStoredResults(ddb, LocalDynamo.HEALTH_TABLE),
                new DynamoDbAlertLedger(ddb, LocalDynamo.HEALTH_TABLE),
                Clock.systemUTC());
        var ledger = new DynamoDbAlertLedger(ddb, LocalDynamo.HEALTH_TABLE);
        // Two incidents as runs record them: a warning open for longer, and a critical one that alerted last.
        var warning = new OpenIncident(
                JobId.of("email/promo/IS"),
                YESTERDAY.minusDays(9),
                YESTERDAY.minusDays(4),
                Severity.WARNING,
                HealthStatus.ZERO);
        var critical = new OpenIncident(
                JobId.of("email/welcome/FR"),
                YESTERDAY.minusDays(2),
                YESTERDAY.minusDays(1),
                Severity.CRITICAL,
                HealthStatus.ZERO);
        ledger.recordAlert(warning);
        ledger.recordAlert(critical);
        var open = ledger.openIncidents();
        var server = DashboardCommand.serve(view, 0, System.out);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            List<String> flags = List.of(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + Files.createTempDirectory("chromium"));

            String list = run(chromium, flags, "--dump-dom", base);
            assertThat(list).contains("autowatch · open incidents").doesNotContain("<script");
            var ranked = OnCallPage.ranked(List.copyOf(open.values()));
            int firstAt = list.indexOf(ranked.getFirst().job().value());
            int lastAt = list.lastIndexOf(ranked.getLast().job().value());
            assertThat(firstAt)
                    .as("every open incident is listed, in rank order")
                    .isPositive()
                    .isLessThanOrEqualTo(lastAt);

            String job = ranked.getFirst().job().value();
            String page =
                    run(chromium, flags, "--dump-dom", base + "?job=" + URLEncoder.encode(job, StandardCharsets.UTF_8));
            assertThat(page)
                    .contains("<svg")
                    .contains("<polygon")
                    .contains("<polyline")
                    .contains("Open incident")
                    .contains("range that would not alert")
                    .contains("Judged by");
            Path screenshot = Path.of("target", "on-call-dashboard.png").toAbsolutePath();
            run(
                    chromium,
                    flags,
                    "--screenshot=" + screenshot,
                    "--window-size=1300,900",
                    base + "?job=" + URLEncoder.encode(job, StandardCharsets.UTF_8));
            var image = ImageIO.read(screenshot.toFile());
            long inked = 0;
            for (int yy = 0; yy < image.getHeight(); yy += 2) {
                for (int xx = 0; xx < image.getWidth(); xx += 2) {
                    if ((image.getRGB(xx, yy) & 0xffffff) != 0xffffff) {
                        inked++;
                    }
                }
            }
            assertThat(inked)
                    .as("the screenshot right after load shows the chart, not a blank page")
                    .isGreaterThan(5_000);
            assertThat(firstAt).as("critical before warning").isLessThan(list.indexOf("email/promo/IS"));
            try (var socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
                socket.getOutputStream()
                        .write(("GET / HTTP/1.1\r\nHost: rebound.example:"
                                        + server.getAddress().getPort() + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer)
                        .as("another host name (DNS rebinding) is refused")
                        .startsWith("HTTP/1.1 403");
            }
        } finally {
            server.stop(0);
            ledger.close(warning);
            ledger.close(critical);
        }
    }

    /** JavaScript writes 3548 where Java writes 3548.0: compare the values. */
    private static List<Double> numbers(Object list) {
        return ((List<?>) list)
                .stream()
                        .map(v -> v == null ? null : ((Number) v).doubleValue())
                        .toList();
    }

    private static String run(Path chromium, List<String> flags, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
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
