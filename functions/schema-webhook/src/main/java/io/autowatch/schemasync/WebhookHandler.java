package io.autowatch.schemasync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.github.webhook.HttpRequest;
import io.autowatch.github.webhook.WebhookDecision;
import io.autowatch.json.Json;
import io.autowatch.schema.CommandIntake.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda entry point for the GitHub webhook (API Gateway HTTP API, payload 2.0): checks the signature, answers at
 * once, and hands an accepted command on (to the queue's worker, or inline without {@code COMMAND_QUEUE_URL}).
 */
public final class WebhookHandler implements RequestStreamHandler {

    private final WebhookWiring.Webhook webhook;

    /** For the Lambda runtime: builds the wiring once, when the execution environment starts. */
    public WebhookHandler() {
        this(WebhookWiring.fromEnvironment());
    }

    /** With parts wired elsewhere: tests and the local runtime. */
    public WebhookHandler(WebhookWiring.Webhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        WebhookDecision decision;
        HttpRequest request = null;
        try {
            request = HttpRequest.fromApiGateway(event);
            decision = webhook.receiver().decide(request);
        } catch (IllegalArgumentException e) {
            decision = new WebhookDecision.Malformed(e.getMessage());
        }
        decision = switch (decision) {
            case WebhookDecision.Accepted a
            when webhook.intake().accept(a.command()) == Outcome.DUPLICATE ->
                new WebhookDecision.Duplicate(
                        "already accepted: delivery " + a.command().deliveryId() + " runs once");
            case WebhookDecision.HeadMoved m -> {
                webhook.intake().headMoved(m.repository(), m.pullRequest(), m.headSha(), m.at());
                yield m;
            }
            default -> decision;
        };
        Map<String, Object> response = WebhookReply.of(Optional.ofNullable(request), decision);
        output.write(Json.write(response).getBytes(StandardCharsets.UTF_8));
    }
}
