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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends the paging queue's events to PagerDuty's Events API v2 (README, "Subscribing Slack and PagerDuty"): the
 * queue holds each event as the health check wrote it (raw SNS delivery), without a routing key; this adds the key,
 * read once from Secrets Manager, and posts it. An event PagerDuty did not take is reported back as a batch item
 * failure, so SQS keeps it and tries again; after the queue's retries it lands in the dead-letter queue, which
 * alarms. After a 429 the rest of the batch waits for the next try instead of being throttled too.
 */
public final class PagerDutyRelayHandler implements RequestStreamHandler {

    private static final Log LOG = Log.of(PagerDutyRelayHandler.class);

    private final PagerDutyEvents pagerDuty;

    /** For the Lambda runtime: the key is read and the client built once, when the execution environment starts. */
    public PagerDutyRelayHandler() {
        this(fromEnvironment(System.getenv()));
    }

    PagerDutyRelayHandler(PagerDutyEvents pagerDuty) {
        this.pagerDuty = pagerDuty;
    }

    static PagerDutyEvents fromEnvironment(Map<String, String> env) {
        String arn = env.getOrDefault("PAGERDUTY_ROUTING_KEY_SECRET_ARN", "");
        String region = env.getOrDefault("AWS_REGION", "");
        if (arn.isBlank() || region.isBlank()) {
            throw new IllegalStateException(
                    "the PagerDuty relay needs PAGERDUTY_ROUTING_KEY_SECRET_ARN and AWS_REGION");
        }
        String key = AwsClients.forRegion(region)
                .secretsManager()
                .getSecretValue(b -> b.secretId(arn))
                .secretString();
        URI endpoint = URI.create(env.getOrDefault("PAGERDUTY_EVENTS_URL", PagerDutyEvents.ENQUEUE.toString()));
        return new PagerDutyEvents(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), endpoint, key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        List<Map<String, Object>> records =
                event.get("Records") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        List<Map<String, String>> failures = new ArrayList<>();
        // After the first event PagerDuty did not take, the rest of the batch goes back too: the queue is FIFO, and a
        // later event of the same job (its resolve) must not overtake it; after a 429 the rest would be throttled.
        boolean stopped = false;
        for (Map<String, Object> record : records) {
            String id = String.valueOf(record.get("messageId"));
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
                    // Trying again cannot help, but dropping it would lose a page: it goes on to the dead-letter
                    // queue, whose alarm tells a person.
                    LOG.error("page_rejected", "messageId", id, "status", result.status(), "detail", result.detail());
                    failures.add(Map.of("itemIdentifier", id));
                    stopped = true;
                }
            }
        }
        output.write(Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }
}
