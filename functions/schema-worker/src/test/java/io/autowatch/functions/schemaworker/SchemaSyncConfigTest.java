package io.autowatch.functions.schemaworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.aws.secrets.Secrets;
import io.autowatch.testing.AwsEmulator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Configuration from the environment, with secrets read from Secrets Manager (moto or LocalStack). */
@ExtendWith(AwsEmulator.class)
class SchemaSyncConfigTest {

    private static String secret(SecretsManagerClient client, String value) {
        return client.createSecret(b -> b.name("s-" + UUID.randomUUID()).secretString(value))
                .arn();
    }

    @Test
    void secretArns_areReadFromSecretsManager_andWinOverPlainValues() {
        SecretsManagerClient client = AwsEmulator.secretsManager();
        Map<String, String> env = Map.of(
                "GITHUB_WEBHOOK_SECRET_ARN", secret(client, "from-secrets-manager"),
                "GITHUB_WEBHOOK_SECRET", "plain",
                "DATADOG_KEYS_SECRET_ARN", secret(client, "{\"apiKey\": \"a1\", \"appKey\": \"b2\"}"),
                "MONITOR_ENV_TAG", "esm-staging",
                "ALLOWED_REPOSITORIES", "shop/schemas, shop/other",
                "ESM_GENERIC_MONITORS", "[{\"type\": \"error_rate\", \"percent\": 1}]");
        Secrets secrets = Secrets.of(env, () -> client);
        SchemaSyncConfig config = SchemaSyncConfig.from(env, secrets);
        assertThat(SchemaSyncConfig.datadogKeys(env, secrets))
                .hasValueSatisfying(keys -> assertThat(keys).containsExactly("a1", "b2"));
        assertThat(config.sync().monitors().envTag()).isEqualTo("esm-staging");
        assertThat(config.sync().allows("Shop/Schemas")).isTrue();
        assertThat(config.sync().allows("shop/elsewhere")).isFalse();
        assertThat(config.sync().monitors().genericMonitors()).hasSize(1);
        assertThat(config.botLogin()).isEmpty();

        Map<String, String> token = Map.of("GITHUB_TOKEN_SECRET_ARN", secret(client, "ghp_from_secret"));
        assertThat(Secrets.of(token, () -> client).value("GITHUB_TOKEN", "GITHUB_TOKEN_SECRET_ARN"))
                .contains("ghp_from_secret");
    }

    @Test
    void badSettings_stopTheStartWithAClearMessage() {
        Secrets none = new Secrets(Map.of(), arn -> {
            throw new AssertionError("no secret should be read");
        });
        assertThatThrownBy(() -> SchemaSyncConfig.from(Map.of("ESM_GENERIC_MONITORS", "{\"type\": \"x\"}"), none))
                .hasMessageContaining("ESM_GENERIC_MONITORS must be a JSON array");
        assertThatThrownBy(() -> SchemaSyncConfig.from(Map.of("MONITOR_ENV_TAG", "Has Spaces"), none))
                .hasMessageContaining("MONITOR_ENV_TAG");
        assertThat(SchemaSyncConfig.from(Map.of("GITHUB_BOT_LOGIN", "autowatch[bot]"), none)
                        .botLogin())
                .contains("autowatch[bot]");
        assertThat(SchemaSyncConfig.datadogKeys(Map.of(), none)).isEmpty();
    }
}
