package io.autowatch.functions.schemawebhook;

import io.autowatch.aws.secrets.Secrets;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook function's settings, read once: its secret and the queue it hands commands to. It holds nothing else,
 * so the internet-facing function has no GitHub token and no Datadog keys.
 *
 * @param webhookSecret {@code GITHUB_WEBHOOK_SECRET} / {@code GITHUB_WEBHOOK_SECRET_ARN}; empty refuses every request
 * @param queueUrl      {@code COMMAND_QUEUE_URL}: the worker's SQS FIFO queue
 * @param stateTable    {@code SCHEMA_SYNC_TABLE}: accepted deliveries and pull-request heads
 */
record WebhookConfig(Optional<String> webhookSecret, String queueUrl, String stateTable) {

    static WebhookConfig from(Map<String, String> env, Secrets secrets) {
        String queue = env.getOrDefault("COMMAND_QUEUE_URL", "");
        if (queue.isBlank()) {
            throw new IllegalStateException("the webhook function needs COMMAND_QUEUE_URL (the worker's queue); "
                    + "to carry commands out in one process, run the local runtime: ./autowatch run");
        }
        String table = env.getOrDefault("SCHEMA_SYNC_TABLE", "");
        if (table.isBlank()) {
            throw new IllegalStateException("the webhook function needs SCHEMA_SYNC_TABLE (deliveries and pull-request "
                    + "heads, so that a redelivery runs once and a command acts on the commit it was given for)");
        }
        return new WebhookConfig(secrets.value("GITHUB_WEBHOOK_SECRET", "GITHUB_WEBHOOK_SECRET_ARN"), queue, table);
    }
}
