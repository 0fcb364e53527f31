package io.autowatch.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.autowatch.health.HealthCheckService;
import io.autowatch.health.Policies;
import io.autowatch.health.dynamodb.DynamoDbAlertLedger;
import io.autowatch.health.dynamodb.DynamoDbCountsReader;
import io.autowatch.health.dynamodb.DynamoDbResultStore;
import io.autowatch.health.dynamodb.DynamoDbSettingsSource;
import io.autowatch.healthcheck.HealthCheckHandler;
import io.autowatch.json.Json;
import io.autowatch.schemasync.SchemaSyncHandler;
import io.autowatch.schemasync.webhook.WebhookReceiver;
import io.autowatch.schemasync.webhook.WebhookSignature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Both functions in one process, as close to AWS as practical: the real handlers, fed the events Lambda would feed
 * them. DynamoDB Local holds the tables; an HTTP server turns requests into API Gateway payload-2.0 events for the
 * webhook and serves the health dashboard; the health check runs on a daily schedule and on demand; notifications
 * go to the console and to a log with the bodies the SNS topics would carry.
 */
final class LocalRuntime implements AutoCloseable {

    /** What a run needs to know; see {@link RunCommand} for where each comes from. */
    record Options(int port, Optional<Path> dataFolder, Path stateFolder, LocalTime checkAt, String webhookSecret,
            Optional<String> githubToken, String githubApiUrl, Optional<String[]> datadogKeys, String ddSite,
            Optional<String> datadogApiUrl) {}

    private final Options options;
    private final PrintStream out;
    private final Clock clock;
    private LocalDynamo dynamo;
    private HttpServer http;
    private ExecutorService workers;
    private ScheduledExecutorService schedule;
    private HealthCheckHandler healthCheck;
    private SchemaSyncHandler schemaSync;
    private LocalAlerts alerts;
    private Results results;

    LocalRuntime(Options options, PrintStream out, Clock clock) {
        this.options = options;
        this.out = out;
        this.clock = clock;
    }

    LocalRuntime start() throws Exception {
        Files.createDirectories(options.stateFolder());
        // The functions' structured logs go to a file, as they would go to CloudWatch; the console stays readable.
        io.autowatch.log.Log.redirect(new PrintStream(Files.newOutputStream(logFile(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                StandardCharsets.UTF_8));
        dynamo = LocalDynamo.start(options.dataFolder().map(f -> f.resolve("dynamodb")), 0);
        workers = Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().name("local-", 0).factory());
        alerts = new LocalAlerts(options.stateFolder().resolve("alerts.jsonl"), out);
        var ddb = dynamo.client();
        HealthCheckService service = new HealthCheckService(
                new DynamoDbCountsReader(ddb, LocalDynamo.COUNTS_TABLE, workers),
                new DynamoDbSettingsSource(ddb, LocalDynamo.HEALTH_TABLE),
                new DynamoDbResultStore(ddb, LocalDynamo.HEALTH_TABLE, workers),
                new DynamoDbAlertLedger(ddb, LocalDynamo.HEALTH_TABLE),
                alerts, Policies.standard(), clock, workers);
        healthCheck = HealthCheckHandler.embedded(service, clock);
        schemaSync = SchemaSyncHandler.embedded(
                new WebhookReceiver(Optional.of(new WebhookSignature(options.webhookSecret()))),
                () -> LocalSchemaSync.service(options));
        results = new Results(ddb, LocalDynamo.HEALTH_TABLE);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 0);
        http.setExecutor(workers);
        http.createContext("/", this::serve);
        http.start();
        writeState();
        return this;
    }

    /** Runs the health check as the schedule would, or for one day (a manual run). */
    Map<String, Object> check(Optional<LocalDate> day) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        if (day.isPresent()) {
            event.put("detail-type", "Manual Health Check");
            event.put("detail", Map.of("day", day.get().toString()));
        } else {
            event.put("detail-type", "Scheduled Event");
            event.put("source", "aws.scheduler");
            event.put("time", clock.instant().toString());
            event.put("detail", Map.of());
        }
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        healthCheck.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                response, null);
        return Json.readObject(response.toByteArray());
    }

    /** Checks every day of a range in order, as daily runs would have: for demo data and backfills. */
    Map<String, Integer> backfill(LocalDate from, LocalDate to) throws IOException {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            check(Optional.of(day)).forEach((k, v) -> {
                if (v instanceof Number n) {
                    totals.merge(k, n.intValue(), Integer::sum);
                }
            });
        }
        return totals;
    }

    /** The daily run, at {@code checkAt} UTC. */
    void scheduleDaily() {
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("schedule").factory());
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        ZonedDateTime next = now.with(options.checkAt());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        schedule.scheduleAtFixedRate(() -> {
            try {
                out.println("Scheduled health check: " + check(Optional.empty()));
            } catch (Exception e) {
                out.println("Scheduled health check failed: " + e);
            }
        }, Duration.between(now, next).toSeconds(), TimeUnit.DAYS.toSeconds(1), TimeUnit.SECONDS);
    }

    URI httpUri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    LocalDynamo dynamo() {
        return dynamo;
    }

    Results results() {
        return results;
    }

    Path alertLog() {
        return alerts.log();
    }

    Path logFile() {
        return options.stateFolder().resolve("logs.jsonl");
    }

    void quietAlerts(boolean quiet) {
        alerts.quiet(quiet);
    }

    int notificationsSent() {
        return alerts.published();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/webhooks/github")) {
                webhook(exchange);
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", resource("web/index.html"));
            } else if (path.equals("/static/app.js")) {
                send(exchange, 200, "text/javascript", resource("web/app.js"));
            } else if (path.equals("/static/chart.umd.min.js")) {
                send(exchange, 200, "text/javascript",
                        resource("META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js"));
            } else if (path.equals("/api/jobs")) {
                json(exchange, 200, results.latest().stream().map(Results.Latest::json).toList());
            } else if (path.equals("/api/chart")) {
                String job = query.getOrDefault("job", "");
                LocalDate to = Optional.ofNullable(query.get("to")).map(LocalDate::parse)
                        .orElse(LocalDate.now(clock).minusDays(1));
                LocalDate from = Optional.ofNullable(query.get("from")).map(LocalDate::parse).orElse(to.minusDays(89));
                json(exchange, 200, Results.chartJson(job, results.series(job, from, to)));
            } else if (path.equals("/api/check") && method.equals("POST")) {
                json(exchange, 200, check(Optional.ofNullable(query.get("day")).map(LocalDate::parse)));
            } else {
                json(exchange, 404, Map.of("message", "not found: " + method + " " + path));
            }
        } catch (RuntimeException e) {
            out.println("Request failed: " + e);
        }
    }

    /** Turns the request into the API Gateway (HTTP API, payload 2.0) event the function gets in AWS. */
    private void webhook(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String type = headers.getOrDefault("content-type", "");
        boolean text = type.startsWith("application/json") || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("text/");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "POST /webhooks/github");
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        event.put("rawQueryString", Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        event.put("headers", headers);
        event.put("requestContext", Map.of(
                "http", Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getRawPath(),
                        "protocol", exchange.getProtocol(),
                        "sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress()),
                "requestId", java.util.UUID.randomUUID().toString(), "routeKey", "POST /webhooks/github",
                "stage", "$default", "timeEpoch", Instant.now().toEpochMilli()));
        event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", !text);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        schemaSync.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                response, null);
        Map<String, Object> answer = Json.readObject(response.toByteArray());
        int status = ((Number) answer.get("statusCode")).intValue();
        out.println("Webhook " + headers.getOrDefault("x-github-event", "?") + " → " + status);
        send(exchange, status, "application/json", String.valueOf(answer.getOrDefault("body", ""))
                .getBytes(StandardCharsets.UTF_8));
    }

    private void writeState() throws IOException {
        Files.createDirectories(options.stateFolder());
        Files.writeString(options.stateFolder().resolve("runtime.json"), Json.write(Map.of(
                "dynamodb", dynamo.endpoint().toString(), "countsTable", LocalDynamo.COUNTS_TABLE,
                "healthTable", LocalDynamo.HEALTH_TABLE, "http", httpUri().toString())));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LocalRuntime.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() throws IOException {
        if (schedule != null) {
            schedule.shutdownNow();
        }
        if (http != null) {
            http.stop(0);
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        Files.deleteIfExists(options.stateFolder().resolve("runtime.json"));
        io.autowatch.log.Log.redirect(System.out);
    }
}
