package io.autowatch.schemasync;

import io.autowatch.aws.AwsClients;
import io.autowatch.aws.secrets.Secrets;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.github.webhook.WebhookReceiver;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.schema.CommandRequest;
import java.util.Map;
import java.util.function.Consumer;

/** Builds the webhook's parts once per execution environment: the signature check and the command queue. */
public final class WebhookWiring {

    /** What the webhook handler needs: who checks a request, and where an accepted command goes. */
    public record Webhook(WebhookReceiver receiver, Consumer<CommandRequest> commands) {}

    private WebhookWiring() {}

    static Webhook fromEnvironment() {
        Map<String, String> env = System.getenv();
        AwsClients aws = AwsClients.forRegion(env.getOrDefault("AWS_REGION", "us-east-1"));
        WebhookConfig config = WebhookConfig.from(env, Secrets.of(env, aws::secretsManager));
        CommandQueue queue = new CommandQueue(aws.sqs(), config.queueUrl());
        return new Webhook(new WebhookReceiver(config.webhookSecret().map(WebhookSignature::new)), queue::enqueue);
    }
}
