package io.autowatch.testing.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.autowatch.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback for fakes: routing by method and path, JSON in and out, a log of requests, and
 * injected faults (a status with headers for the next requests, a delay).
 */
public abstract class FakeHttp implements AutoCloseable {

    /** A request as the fake saw it. */
    public record Call(String method, String path, Map<String, String> query, String body) {}

    /** An answer. */
    record Answer(int status, Object body, Map<String, String> headers) {
        static Answer json(int status, Object body) {
            return new Answer(status, body, Map.of());
        }
    }

    private record Fault(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Fault> faults = new ArrayDeque<>();
    private volatile long delayMillis;

    FakeHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} requests get this answer instead of being served. */
    public synchronized void failNext(int times, int status, Map<String, String> headers, String body) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, headers, body));
        }
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public long count(String method, String pathPrefix) {
        return calls().stream()
                .filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix))
                .count();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Serves one request; {@code null} body answers 404. */
    abstract Answer handle(Call call, Map<String, String> headers);

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Call call = new Call(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    body);
            calls.add(call);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Fault fault;
            synchronized (this) {
                fault = faults.poll();
            }
            if (fault != null) {
                fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                write(exchange, fault.status(), fault.body());
                return;
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.getFirst()));
            Answer answer = handle(call, headers);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            Object out = answer.body();
            write(
                    exchange,
                    answer.status(),
                    out == null
                            ? ""
                            : out instanceof byte[] bytes
                                    ? new String(bytes, StandardCharsets.UTF_8)
                                    : out instanceof String s ? s : Json.write(out));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
