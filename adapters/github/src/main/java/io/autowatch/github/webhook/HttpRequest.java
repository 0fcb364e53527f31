package io.autowatch.github.webhook;

import io.autowatch.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as API Gateway's HTTP API hands it over (payload format 2.0). The body is kept as the exact bytes
 * that arrived, since the signature is computed over them.
 */
public record HttpRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public HttpRequest {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = Collections.unmodifiableMap(caseless);
        body = body.clone();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Reads an API Gateway payload 2.0 event; {@link IllegalArgumentException} if it is not one. */
    public static HttpRequest fromApiGateway(Map<String, Object> event) {
        Map<?, ?> context = event.get("requestContext") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> http = context.get("http") instanceof Map<?, ?> m ? m : Map.of();
        String method = String.valueOf(http.containsKey("method") ? http.get("method") : "");
        String path = String.valueOf(event.getOrDefault("rawPath", http.containsKey("path") ? http.get("path") : ""));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.get("headers") instanceof Map<?, ?> raw) {
            raw.forEach((k, v) -> headers.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        Object body = event.get("body");
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (!(body instanceof String text)) {
            throw new IllegalArgumentException("the event's body is not a string: " + Json.describe(body));
        } else if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the body is marked base64 but is not", e);
            }
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        return new HttpRequest(method, path, headers, bytes);
    }
}
