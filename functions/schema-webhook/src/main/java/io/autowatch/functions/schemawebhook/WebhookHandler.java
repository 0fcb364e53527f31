package io.autowatch.functions.schemawebhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.github.webhook.HttpRequest;
import io.autowatch.github.webhook.WebhookDecision;
import io.autowatch.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda entry point for the GitHub webhook (API Gateway HTTP API, payload 2.0): checks the signature, answers at
 * once, and hands an accepted command to the worker's queue ({@code COMMAND_QUEUE_URL}, which the function needs).
 */
public final class WebhookHandler implements RequestStreamHandler {

    private final Webhook webhook;

    /** For the Lambda runtime: builds the wiring once, when the execution environment starts. */
    public WebhookHandler() {
        this(WebhookWiring.fromEnvironment());
    }

    /** With a webhook wired elsewhere (tests, the local runtime). */
    public WebhookHandler(Webhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        Optional<HttpRequest> request = Optional.empty();
        WebhookDecision decision;
        try {
            request = Optional.of(HttpRequest.fromApiGateway(event));
            decision = webhook.receive(request.get());
        } catch (IllegalArgumentException e) {
            decision = new WebhookDecision.Malformed(e.getMessage());
        }
        output.write(Json.write(WebhookReply.of(request, decision)).getBytes(StandardCharsets.UTF_8));
    }
}
