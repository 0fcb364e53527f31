package io.autowatch.functions.schemawebhook;

import io.autowatch.aws.AwsClients;
import io.autowatch.aws.dynamodb.DynamoDbSchemaSyncState;
import io.autowatch.aws.secrets.Secrets;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.github.webhook.WebhookReceiver;
import io.autowatch.github.webhook.WebhookSignature;
import io.autowatch.schemasync.intake.CommandIntake;
import io.autowatch.schemasync.intake.DriftStart;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the webhook's parts once per execution environment: the signature check, the schema-sync table (each
 * delivery once, pull-request heads, repositories in use) and the command queue; and the drift check's start, which
 * ships in the same package.
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
                new CommandIntake(state, state, queue::enqueue, state, state, Clock.systemUTC()));
    }

    /** The drift check's start: the repositories in use from the schema-sync table, the worker's queue. */
    static DriftStart driftFromEnvironment() {
        Map<String, String> env = System.getenv();
        AwsClients aws = AwsClients.forRegion(env.getOrDefault("AWS_REGION", "us-east-1"));
        String queueUrl = required(env, "COMMAND_QUEUE_URL");
        String table = required(env, "SCHEMA_SYNC_TABLE");
        var repositories = new DynamoDbSchemaSyncState(aws.dynamoDb(), table, Clock.systemUTC());
        Set<String> allowed = Arrays.stream(
                        env.getOrDefault("ALLOWED_REPOSITORIES", "").split(","))
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
        return new DriftStart(
                repositories,
                new CommandQueue(aws.sqs(), queueUrl)::enqueue,
                r -> allowed.isEmpty() || allowed.contains(r.toLowerCase(Locale.ROOT)));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, "");
        if (value.isBlank()) {
            throw new IllegalStateException("the drift check needs " + name + " (see template.yaml)");
        }
        return value;
    }
}
