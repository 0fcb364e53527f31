package io.autowatch.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.aws.AwsClients;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import io.autowatch.pagerduty.PagerDutyEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends the paging queue's events to PagerDuty's Events API v2 (README, "Subscribing Slack and PagerDuty"): the
 * queue holds each event as the health check wrote it (raw SNS delivery, FIFO by job), without a routing key; this
 * adds the key from Secrets Manager and posts it. An event PagerDuty did not take is reported back as a batch item
 * failure, and so is the rest of the batch: the queue is FIFO, so a job's resolve never overtakes its trigger, and
 * after a 429 the rest would be throttled too. After the queue's retries an event lands in the dead-letter queue,
 * which alarms.
 */
public final class PagerDutyRelayHandler implements RequestStreamHandler {

    private static final Log LOG = Log.of(PagerDutyRelayHandler.class);

    /** Left of the function's time when no further event is started: one request's worst case, and some. */
    static final Duration RESERVE = Duration.ofSeconds(17);

    /** The key is read again after this long, or after PagerDuty refused an event: a fixed or rotated key takes. */
    static final Duration KEY_AGE = Duration.ofMinutes(5);

    private final Supplier<PagerDutyEvents> connect;
    private final Clock clock;
    private PagerDutyEvents pagerDuty;
    private Instant connectedAt;
    /** PagerDuty refused an event: the key may be wrong, so the next batch reads it again first. */
    private boolean keySuspect;

    /** For the Lambda runtime: the key is read, and the client built, when the execution environment starts. */
    public PagerDutyRelayHandler() {
        this(fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    /** @param connect reads the routing key and builds the client; called again when the key may have changed */
    PagerDutyRelayHandler(Supplier<PagerDutyEvents> connect, Clock clock) {
        this.connect = connect;
        this.clock = clock;
        this.pagerDuty = connect.get();
        this.connectedAt = clock.instant();
    }

    static Supplier<PagerDutyEvents> fromEnvironment(Map<String, String> env) {
        String arn = env.getOrDefault("PAGERDUTY_ROUTING_KEY_SECRET_ARN", "");
        String region = env.getOrDefault("AWS_REGION", "");
        if (arn.isBlank() || region.isBlank()) {
            throw new IllegalStateException(
                    "the PagerDuty relay needs PAGERDUTY_ROUTING_KEY_SECRET_ARN and AWS_REGION");
        }
        var secrets = AwsClients.forRegion(region).secretsManager();
        URI endpoint = URI.create(env.getOrDefault("PAGERDUTY_EVENTS_URL", PagerDutyEvents.ENQUEUE.toString()));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return () -> new PagerDutyEvents(
                http,
                endpoint,
                routingKey(secrets.getSecretValue(b -> b.secretId(arn)).secretString()));
    }

    /** The secret as a routing key, or why it is not one; the value itself is never in the message. */
    static String routingKey(String secret) {
        if (secret == null) {
            throw new IllegalStateException("the PagerDuty routing key secret holds no text (a binary secret?)");
        }
        String key = secret.strip();
        if (!key.matches("[A-Za-z0-9]{32}")) {
            throw new IllegalStateException("the PagerDuty routing key secret must hold the 32-character integration "
                    + "key as plain text (not key/value JSON); it holds " + key.length() + " characters");
        }
        return key;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        List<Map<String, Object>> records =
                event.get("Records") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        if (keySuspect || clock.instant().isAfter(connectedAt.plus(KEY_AGE))) {
            reconnect();
        }
        List<Map<String, String>> failures = new ArrayList<>();
        boolean stopped = false;
        for (Map<String, Object> record : records) {
            String id = String.valueOf(record.get("messageId"));
            if (!stopped && context != null && context.getRemainingTimeInMillis() < RESERVE.toMillis()) {
                // Not enough time for another request: the rest go back whole, rather than the function timing out.
                stopped = true;
            }
            if (stopped) {
                failures.add(Map.of("itemIdentifier", id));
                continue;
            }
            PagerDutyEvents.Result result = pagerDuty.send(String.valueOf(record.get("body")));
            switch (result.outcome()) {
                case ACCEPTED -> LOG.info("page_delivered", "messageId", id, "status", result.status());
                case RETRY -> {
                    LOG.warn("page_deferred", "messageId", id, "status", result.status(), "detail", result.detail());
                    failures.add(Map.of("itemIdentifier", id));
                    stopped = true;
                }
                case REJECTED -> {
                    // Trying again may help only with a fixed key; dropping it would lose a page: it stays queued,
                    // and after the retries the dead-letter queue's alarm tells a person.
                    LOG.error("page_rejected", "messageId", id, "status", result.status(), "detail", result.detail());
                    failures.add(Map.of("itemIdentifier", id));
                    stopped = true;
                    keySuspect = true;
                }
            }
        }
        output.write(Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }

    private void reconnect() {
        try {
            pagerDuty = connect.get();
            connectedAt = clock.instant();
            keySuspect = false;
        } catch (RuntimeException e) {
            LOG.error("routing_key_unread", "error", e.getMessage());
        }
    }
}
