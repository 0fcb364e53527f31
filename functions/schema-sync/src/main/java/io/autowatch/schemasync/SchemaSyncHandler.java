package io.autowatch.schemasync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import io.autowatch.schemasync.aws.CommandQueue;
import io.autowatch.schemasync.webhook.HttpRequest;
import io.autowatch.schemasync.webhook.WebhookDecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point for both halves of schema sync: the GitHub webhook (API Gateway HTTP API, payload 2.0), which
 * answers at once and queues the command, and the queue's worker (SQS, batch size 1), which carries it out and
 * reports failed messages for redelivery. Without {@code COMMAND_QUEUE_URL} the webhook carries commands out itself.
 */
public final class SchemaSyncHandler implements RequestStreamHandler {

    private static final Log LOG = Log.of(SchemaSyncHandler.class);

    private final SchemaSyncWiring.Parts parts;

    /** For the Lambda runtime: builds the wiring once, when the execution environment starts. */
    public SchemaSyncHandler() {
        this(SchemaSyncWiring.fromEnvironment());
    }

    /**
     * For running the handler outside Lambda (the local runtime): commands are carried out inline by {@code service},
     * built on first use.
     */
    public static SchemaSyncHandler embedded(io.autowatch.schemasync.webhook.WebhookReceiver receiver,
            java.util.function.Supplier<io.autowatch.schemasync.sync.SchemaSyncService> service) {
        return new SchemaSyncHandler(new SchemaSyncWiring.Parts(receiver, java.util.Optional.empty(),
                SchemaSyncWiring.memoize(service)));
    }

    SchemaSyncHandler(SchemaSyncWiring.Parts parts) {
        this.parts = parts;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        Object response = event.get("Records") instanceof List<?> records ? work(records) : webhook(event);
        output.write(Json.write(response).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> webhook(Map<String, Object> event) {
        WebhookDecision decision;
        HttpRequest request = null;
        try {
            request = HttpRequest.fromApiGateway(event);
            decision = parts.receiver().decide(request);
        } catch (IllegalArgumentException e) {
            decision = new WebhookDecision.Malformed(e.getMessage());
        }
        if (decision instanceof WebhookDecision.Accepted accepted) {
            if (parts.queue().isPresent()) {
                parts.queue().get().enqueue(accepted.command());
            } else {
                parts.service().get().handle(accepted.command());
            }
        }
        String delivery = request == null ? null : request.header("X-GitHub-Delivery").orElse(null);
        LOG.info("webhook_answered", "delivery", delivery, "event",
                request == null ? null : request.header("X-GitHub-Event").orElse(null),
                "status", decision.status(), "message", decision.message());
        return Map.of("statusCode", decision.status(),
                "headers", Map.of("content-type", "application/json"),
                "body", decision.status() == 204 ? "" : Json.write(Map.of("message", decision.message())));
    }

    private Map<String, Object> work(List<?> records) {
        List<Map<String, String>> failures = new ArrayList<>();
        for (Object item : records) {
            Map<?, ?> record = (Map<?, ?>) item;
            String messageId = String.valueOf(record.get("messageId"));
            try {
                parts.service().get().handle(CommandQueue.read(String.valueOf(record.get("body"))));
            } catch (RuntimeException e) {
                LOG.error("command_failed", "messageId", messageId, "error", e.toString());
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        return Map.of("batchItemFailures", failures);
    }
}
