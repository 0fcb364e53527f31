package io.autowatch.local.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.autowatch.aws.dynamodb.DynamoDbAlertLedger;
import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.healthcheck.view.OnCallView;
import io.autowatch.healthcheck.view.PageLinks;
import io.autowatch.local.dashboard.QueryString;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./autowatch dashboard}: the deployed on-call dashboard's page (the CloudWatch widget's), served on this
 * machine against the deployed tables with your own AWS credentials, or against the local runtime.
 */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = "Serve the on-call page (the CloudWatch dashboard widget's: open incidents, job charts) on "
                + "127.0.0.1, reading the deployed tables with your AWS credentials (COUNTS_TABLE, HEALTH_TABLE, "
                + "AWS_REGION), or the local runtime's when one is running.")
public final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8081", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Mixin
    Options.State state;

    @Override
    public Integer call() throws Exception {
        Connection connection = state.connect();
        OnCallView view = new OnCallView(
                new DynamoDbStoredResults(connection.dynamoDb(), connection.healthTable()),
                new DynamoDbAlertLedger(connection.dynamoDb(), connection.healthTable()),
                Clock.systemUTC());
        HttpServer server = serve(view, port, System.out);
        System.out.printf(
                "On-call page for %s: http://127.0.0.1:%d/   (Ctrl-C stops it)%n",
                connection.description(), server.getAddress().getPort());
        new CountDownLatch(1).await();
        return 0;
    }

    /** Serves {@code view} at "/", a job's chart at "/?job=…&from=…&to=…"; a bad date is answered 400. */
    public static HttpServer serve(OnCallView view, int port, PrintStream log) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use; pick another with --port", e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, view, log);
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, OnCallView view, PrintStream log) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            send(exchange, 404, "not found");
            return;
        }
        // Only this machine's own address: a page elsewhere that rebinds its name to 127.0.0.1 cannot read this one.
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = exchange.getLocalAddress().getPort();
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            send(exchange, 403, "open http://127.0.0.1:" + port + "/");
            return;
        }
        String html;
        try {
            Map<String, String> query =
                    QueryString.parse(exchange.getRequestURI().getRawQuery());
            OnCallView.Request request = new OnCallView.Request(
                    Optional.ofNullable(query.get("job")).filter(s -> !s.isBlank()),
                    Optional.ofNullable(query.get("from")).map(LocalDate::parse),
                    Optional.ofNullable(query.get("to")).map(LocalDate::parse),
                    1200);
            html = view.render(request, new PageLinks.Web("/"));
        } catch (DateTimeParseException e) {
            send(exchange, 400, "from and to are dates written YYYY-MM-DD: " + e.getParsedString());
            return;
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "a malformed address: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.println("dashboard request failed: " + e);
            send(exchange, 500, "could not read the tables: " + e.getMessage());
            return;
        }
        send(
                exchange,
                200,
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>autowatch on call</title></head><body>"
                        + html + "</body></html>");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "text/html; charset=utf-8" : "text/plain");
        // The page is only ever a view of data: no script, and nothing may frame it.
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
