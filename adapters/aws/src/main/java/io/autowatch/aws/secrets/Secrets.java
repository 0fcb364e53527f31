package io.autowatch.aws.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Configuration values that may be secret (README, "Schema sync: setting it up"): one variable holds the value itself (local runs, tests), another
 * names a Secrets Manager secret that holds it (AWS); the ARN wins when both are set. The README's configuration table names the pairs
 * ({@code GITHUB_WEBHOOK_SECRET} / {@code GITHUB_WEBHOOK_SECRET_ARN}, {@code GITHUB_TOKEN} /
 * {@code GITHUB_TOKEN_SECRET_ARN}), so callers name both. Values are never logged.
 */
public final class Secrets {

    private final Map<String, String> env;
    private final Function<String, String> secretById;

    public Secrets(Map<String, String> env, Function<String, String> secretById) {
        this.env = env;
        this.secretById = secretById;
    }

    /** Reads secrets with a Secrets Manager client that is created only if some value is held there. */
    public static Secrets of(Map<String, String> env, Supplier<SecretsManagerClient> client) {
        return new Secrets(env, new Function<>() {
            private SecretsManagerClient created;

            @Override
            public synchronized String apply(String arn) {
                if (created == null) {
                    created = client.get();
                }
                return created.getSecretValue(b -> b.secretId(arn)).secretString();
            }
        });
    }

    public Optional<String> value(String name, String arnVariable) {
        String arn = env.getOrDefault(arnVariable, "");
        if (!arn.isBlank()) {
            return Optional.of(secretById.apply(arn));
        }
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** A secret holding JSON (the Datadog keys), by its own env variable. */
    public Optional<String> secretNamed(String arnVariable) {
        String arn = env.getOrDefault(arnVariable, "");
        return arn.isBlank() ? Optional.empty() : Optional.of(secretById.apply(arn));
    }
}
