package io.autowatch.functions.schemawebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.aws.secrets.Secrets;
import io.autowatch.testing.AwsEmulator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(AwsEmulator.class)
class WebhookConfigTest {

    @Test
    void theSecretArn_isReadFromSecretsManager_andWinsOverThePlainValue() {
        SecretsManagerClient client = AwsEmulator.secretsManager();
        String arn = client.createSecret(b -> b.name("s-" + UUID.randomUUID()).secretString("from-secrets-manager"))
                .arn();
        Map<String, String> env = Map.of(
                "GITHUB_WEBHOOK_SECRET_ARN",
                arn,
                "GITHUB_WEBHOOK_SECRET",
                "plain",
                "COMMAND_QUEUE_URL",
                "q",
                "SCHEMA_SYNC_TABLE",
                "t");
        WebhookConfig config = WebhookConfig.from(env, Secrets.of(env, () -> client));
        assertThat(config.webhookSecret()).contains("from-secrets-manager");
        assertThat(config.queueUrl()).isEqualTo("q");
    }

    @Test
    void withoutAQueue_theFunctionDoesNotStart_andWithoutASecretEveryRequestIsRefused() {
        Secrets none = new Secrets(Map.of(), a -> {
            throw new AssertionError("no secret should be read");
        });
        assertThatThrownBy(() -> WebhookConfig.from(Map.of(), none)).hasMessageContaining("COMMAND_QUEUE_URL");
        assertThatThrownBy(() -> WebhookConfig.from(Map.of("COMMAND_QUEUE_URL", "q"), none))
                .hasMessageContaining("SCHEMA_SYNC_TABLE");
        assertThat(WebhookConfig.from(Map.of("COMMAND_QUEUE_URL", "q", "SCHEMA_SYNC_TABLE", "t"), none)
                        .webhookSecret())
                .isEmpty();
    }
}
