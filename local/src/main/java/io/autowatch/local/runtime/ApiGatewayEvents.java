package io.autowatch.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Turns a local HTTP request into the API Gateway (HTTP API, payload 2.0) event the webhook function gets in AWS. */
final class ApiGatewayEvents {

    private ApiGatewayEvents() {}

    static Map<String, Object> fromExchange(HttpExchange exchange, String routeKey) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String type = headers.getOrDefault("content-type", "");
        // API Gateway passes text bodies as they are and base64-encodes the rest.
        boolean text = type.startsWith("application/json")
                || type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("text/");
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put(
                "rawQueryString",
                Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        event.put("headers", headers);
        event.put(
                "requestContext",
                Map.of(
                        "http",
                        Map.of(
                                "method",
                                exchange.getRequestMethod(),
                                "path",
                                rawPath,
                                "protocol",
                                exchange.getProtocol(),
                                "sourceIp",
                                exchange.getRemoteAddress().getAddress().getHostAddress()),
                        "requestId",
                        UUID.randomUUID().toString(),
                        "routeKey",
                        routeKey,
                        "stage",
                        "$default",
                        "timeEpoch",
                        Instant.now().toEpochMilli()));
        event.put(
                "body",
                text
                        ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", !text);
        return event;
    }
}
