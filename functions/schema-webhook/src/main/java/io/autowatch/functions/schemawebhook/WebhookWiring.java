package io.autowatch.functions.schemawebhook;

import io.autowatch.aws.AwsClients;
import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.aws.secrets.Secrets;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.github.webhook.WebhookReceiver;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.schemasync.intake.CommandIntake;
import java.time.Clock;
import java.util.Map;

/**
 * Builds the webhook's parts once per execution environment: the signature check, the schema-sync table (each
 * delivery once, pull-request heads) and the command queue.
 */
public final class WebhookWiring {

    private WebhookWiring() {}

    static Webhook fromEnvironment() {
        Map<String, String> env = System.getenv();
        AwsClients aws = AwsClients.forRegion(env.getOrDefault("AWS_REGION", "us-east-1"));
        WebhookConfig config = WebhookConfig.from(env, Secrets.of(env, aws::secretsManager));
        CommandQueue queue = new CommandQueue(aws.sqs(), config.queueUrl());
        var state = new DynamoDbSchemaSyncState(aws.dynamoDb(), config.stateTable(), Clock.systemUTC());
        return new Webhook(
                new WebhookReceiver(config.webhookSecret().map(WebhookSignature::new)),
                new CommandIntake(state, state, queue::enqueue, state, Clock.systemUTC()));
    }
}
