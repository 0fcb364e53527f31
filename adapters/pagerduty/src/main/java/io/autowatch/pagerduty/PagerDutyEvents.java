package io.autowatch.pagerduty;

import io.autowatch.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * PagerDuty's Events API v2 ({@code POST https://events.pagerduty.com/v2/enqueue}): sends an event the health check
 * rendered, with the routing key added here, so the key never travels in a message. What PagerDuty answered decides
 * what happens next: 202 is done, 429 and 5xx are worth trying again, 400 never is.
 */
public final class PagerDutyEvents {

    public static final URI ENQUEUE = URI.create("https://events.pagerduty.com/v2/enqueue");

    /** What came of one event. */
    public enum Outcome {
        /** 202: PagerDuty has it. */
        ACCEPTED,
        /** 429, 5xx or no answer: try again later. */
        RETRY,
        /** 400 (or another 4xx): the event or the key is wrong; trying again cannot help. */
        REJECTED
    }

    /** @param detail PagerDuty's own words (its {@code errors}), for the log line; never the key */
    public record Result(Outcome outcome, int status, String detail) {}

    private final HttpClient http;
    private final URI endpoint;
    private final String routingKey;

    public PagerDutyEvents(HttpClient http, URI endpoint, String routingKey) {
        this.http = Objects.requireNonNull(http);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.routingKey = Objects.requireNonNull(routingKey).strip();
        if (this.routingKey.isEmpty()) {
            throw new IllegalArgumentException("the PagerDuty routing key is empty");
        }
    }

    /** Sends one event (a JSON object without {@code routing_key}). */
    public Result send(String eventJson) {
        Map<String, Object> event;
        try {
            event = new LinkedHashMap<>(Json.readObject(eventJson));
        } catch (IllegalArgumentException e) {
            return new Result(Outcome.REJECTED, 0, "not a JSON object: " + e.getMessage());
        }
        event.put("routing_key", routingKey);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(event)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String body = response.body().length() <= 500
                    ? response.body()
                    : response.body().substring(0, 500);
            if (status == 202 || status == 200) {
                return new Result(Outcome.ACCEPTED, status, "");
            }
            if (status == 429 || status >= 500) {
                return new Result(Outcome.RETRY, status, body);
            }
            return new Result(Outcome.REJECTED, status, body);
        } catch (IOException e) {
            return new Result(Outcome.RETRY, 0, "no answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, 0, "interrupted");
        }
    }
}
