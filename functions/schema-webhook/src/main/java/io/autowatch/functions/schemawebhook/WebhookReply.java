package io.autowatch.functions.schemawebhook;

import io.autowatch.github.webhook.HttpRequest;
import io.autowatch.github.webhook.WebhookDecision;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import java.util.Map;
import java.util.Optional;

/** The webhook's answer as API Gateway (payload 2.0) sends it back to GitHub, and its log line. */
final class WebhookReply {

    private static final Log LOG = Log.of(WebhookHandler.class);

    private WebhookReply() {}

    /** Logs the decision with GitHub's delivery id and event name, and shapes the HTTP response. */
    static Map<String, Object> of(Optional<HttpRequest> request, WebhookDecision decision) {
        String delivery = request.flatMap(r -> r.header("X-GitHub-Delivery")).orElse(null);
        String event = request.flatMap(r -> r.header("X-GitHub-Event")).orElse(null);
        LOG.info(
                "webhook_answered",
                "delivery",
                delivery,
                "event",
                event,
                "status",
                decision.status(),
                "message",
                decision.message());
        // 204 carries no body; every other answer says in words what happened.
        String body = decision.status() == 204 ? "" : Json.write(Map.of("message", decision.message()));
        return Map.of(
                "statusCode", decision.status(), "headers", Map.of("content-type", "application/json"), "body", body);
    }
}
