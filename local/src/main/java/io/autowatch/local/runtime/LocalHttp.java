package io.autowatch.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.autowatch.healthcheck.StoredResults;
import io.autowatch.json.Json;
import io.autowatch.local.dashboard.ComparisonView;
import io.autowatch.local.dashboard.DashboardData;
import io.autowatch.local.dashboard.QueryString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** The local runtime's HTTP server: the webhook route (as API Gateway would call the function) and the dashboard. */
final class LocalHttp implements AutoCloseable {

    private static final String WEBHOOK_ROUTE = "POST /webhooks/github";

    private final LocalRuntime runtime;
    private final StoredResults results;
    private final Clock clock;
    private final PrintStream out;
    private final HttpServer server;

    LocalHttp(
            LocalRuntime runtime,
            StoredResults results,
            int port,
            ExecutorService executor,
            Clock clock,
            PrintStream out)
            throws IOException {
        this.runtime = runtime;
        this.results = results;
        this.clock = clock;
        this.out = out;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (BindException e) {
            throw new IllegalStateException(
                    "port " + port + " on 127.0.0.1 is in use (another `./autowatch run`?); "
                            + "stop it, or start this one with --port <another port>",
                    e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        }
    }

    /** Answers the request; a failure before anything was sent is answered with its message. */
    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query =
                    QueryString.parse(exchange.getRequestURI().getRawQuery());
            if (method.equals("POST") && path.startsWith("/api/") && crossSite(exchange)) {
                // Another web page in the same browser may not run the check or retire jobs here.
                json(exchange, 403, Map.of("message", "cross-site requests are refused; use ./autowatch or curl"));
                return;
            }
            if (path.equals("/webhooks/github")) {
                webhook(exchange);
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", page(query.get("job")));
            } else if (path.equals("/static/app.js")) {
                send(exchange, 200, "text/javascript", resource("web/app.js"));
            } else if (path.equals("/static/chart.umd.min.js")) {
                send(
                        exchange,
                        200,
                        "text/javascript",
                        resource("META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js"));
            } else if (path.equals("/api/jobs")) {
                json(exchange, 200, jobs());
            } else if (path.equals("/api/chart")) {
                String job = query.getOrDefault("job", "");
                LocalDate to = Optional.ofNullable(query.get("to"))
                        .map(LocalDate::parse)
                        .orElse(LocalDate.now(clock).minusDays(1));
                LocalDate from = Optional.ofNullable(query.get("from"))
                        .map(LocalDate::parse)
                        .orElse(to.minusDays(89));
                json(exchange, 200, DashboardData.chartJson(job, results.between(job, from, to)));
            } else if (path.equals("/api/compare")) {
                String job = query.getOrDefault("job", "");
                LocalDate to = Optional.ofNullable(query.get("to"))
                        .map(LocalDate::parse)
                        .orElse(LocalDate.now(clock).minusDays(1));
                LocalDate from = Optional.ofNullable(query.get("from"))
                        .map(LocalDate::parse)
                        .orElse(to.minusDays(89));
                json(exchange, 200, ComparisonView.json(job, runtime.compare(job, from, to)));
            } else if (path.equals("/api/retire") && method.equals("POST")) {
                json(
                        exchange,
                        200,
                        runtime.retire(
                                List.of(query.getOrDefault("job", "")),
                                query.getOrDefault("reason", "retired by hand")));
            } else if (path.equals("/api/check") && method.equals("POST")) {
                json(
                        exchange,
                        200,
                        runtime.check(
                                Optional.ofNullable(query.get("day")).map(LocalDate::parse),
                                Optional.ofNullable(query.get("jobs")).stream()
                                        .flatMap(jobs -> Arrays.stream(jobs.split(",")))
                                        .filter(job -> !job.isBlank())
                                        .toList()));
            } else {
                json(exchange, 404, Map.of("message", "not found: " + method + " " + path));
            }
        } catch (RuntimeException e) {
            boolean bad = e instanceof IllegalArgumentException || e instanceof DateTimeParseException;
            // The function names its event's fields; here the request came from `./autowatch check`'s options.
            String reason = exchange.getRequestURI().getPath().equals("/api/check")
                    ? CliWords.of(e.getMessage())
                    : e.getMessage();
            // A bad request is the caller's to fix and is answered with its reason; only a failure is ours.
            out.println(
                    bad
                            ? "Refused " + exchange.getRequestMethod() + " "
                                    + exchange.getRequestURI().getPath() + ": " + reason
                            : "Request failed: " + e);
            if (exchange.getResponseCode() == -1) {
                // Nothing was sent yet: answer with the reason, as an API would (a bad date, a job with no counts).
                json(exchange, bad ? 400 : 500, Map.of("message", String.valueOf(reason)));
            }
        }
    }

    /** A browser's request from a page that is not this runtime's own (an Origin or Sec-Fetch-Site says so). */
    private boolean crossSite(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        String self = "http://127.0.0.1:" + port();
        String selfByName = "http://localhost:" + port();
        boolean foreignOrigin = origin != null && !origin.equals(self) && !origin.equals(selfByName);
        boolean foreignSite = site != null && !site.equals("same-origin") && !site.equals("none");
        return foreignOrigin || foreignSite;
    }

    private void webhook(HttpExchange exchange) throws IOException {
        Map<String, Object> event = ApiGatewayEvents.fromExchange(exchange, WEBHOOK_ROUTE);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        runtime.webhook()
                .handleRequest(
                        new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), response, null);
        Map<String, Object> answer = Json.readObject(response.toByteArray());
        int status = ((Number) answer.get("statusCode")).intValue();
        out.println("Webhook "
                + Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-GitHub-Event"))
                        .orElse("?") + " → " + status);
        send(
                exchange,
                status,
                "application/json",
                String.valueOf(answer.getOrDefault("body", "")).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The dashboard page with the job list and the first chart's data in it, so that it draws on load instead of
     * after its requests come back (a screenshot right after load shows the chart).
     */
    private byte[] page(String wanted) throws IOException {
        var jobs = jobs();
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("jobs", jobs);
        String job = wanted != null && !wanted.isBlank()
                ? wanted
                : jobs.isEmpty() ? null : (String) jobs.getFirst().get("job");
        if (job != null) {
            LocalDate to = LocalDate.now(clock).minusDays(1);
            initial.put("chart", DashboardData.chartJson(job, results.between(job, to.minusDays(89), to)));
        }
        // Inside a script element: no "</script>" or "<!--" may appear, so every "<" is written as \u003c.
        String json = Json.write(initial).replace("<", "\\u003c");
        String html = new String(resource("web/index.html"), StandardCharsets.UTF_8).replace("__INITIAL__", json);
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** The job list, worst first, as the dashboard shows it, from one read of the stored results. */
    private List<Map<String, Object>> jobs() {
        var open = runtime.openIncidents();
        var retired = runtime.retiredJobs();
        var overview = results.overview();
        return DashboardData.worstFirst(overview.latest(), open, overview.lastAlertDays()).stream()
                .map(r -> DashboardData.jobJson(r, open, retired, overview.lastAlertDays()))
                .toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LocalHttp.class.getClassLoader().getResourceAsStream(name)) {
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

    @Override
    public void close() {
        server.stop(0);
    }
}
