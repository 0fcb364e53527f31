package io.autowatch.functions.schemaworker;

import io.autowatch.aws.secrets.Secrets;
import io.autowatch.json.Json;
import io.autowatch.monitor.MonitorAnnotations;
import io.autowatch.monitor.MonitorSettings;
import io.autowatch.schemasync.SyncSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The worker's settings from the environment (the README's "Configuration" section), validated once. */
record SchemaSyncConfig(
        String githubApiUrl,
        Optional<String> botLogin,
        SyncSettings sync,
        String ddSite,
        Optional<String> datadogApiUrl) {

    static SchemaSyncConfig from(Map<String, String> env, Secrets secrets) {
        MonitorSettings monitors = new MonitorSettings(
                env.getOrDefault("MONITOR_ENV_TAG", MonitorSettings.DEFAULT_ENV_TAG),
                env.getOrDefault("ESM_EVENT_COUNT_METRIC", MonitorSettings.DEFAULT_EVENT_COUNT_METRIC),
                env.getOrDefault("ESM_ERROR_COUNT_METRIC", MonitorSettings.DEFAULT_ERROR_COUNT_METRIC),
                env.getOrDefault("ESM_EVENT_TAG_KEY", MonitorSettings.DEFAULT_EVENT_TAG_KEY),
                generic(env.getOrDefault("ESM_GENERIC_MONITORS", "")));
        Set<String> repositories = Arrays.stream(
                        env.getOrDefault("ALLOWED_REPOSITORIES", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        SyncSettings sync = new SyncSettings(
                monitors,
                env.getOrDefault("SCHEMA_GLOB", SyncSettings.DEFAULT_GLOB),
                repositories,
                Boolean.parseBoolean(env.getOrDefault("ALLOW_FORK_PRS", "false")));
        return new SchemaSyncConfig(
                env.getOrDefault("GITHUB_API_URL", "https://api.github.com"),
                Optional.ofNullable(env.get("GITHUB_BOT_LOGIN")).filter(s -> !s.isBlank()),
                sync,
                env.getOrDefault("DD_SITE", "datadoghq.com"),
                Optional.ofNullable(env.get("DATADOG_API_URL")).filter(s -> !s.isBlank()));
    }

    private static List<Object> generic(String json) {
        if (json.isBlank()) {
            return List.of();
        }
        Object value = Json.readObject("{\"v\": " + json + "}").get("v");
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("ESM_GENERIC_MONITORS must be a JSON array of monitor objects");
        }
        List<Object> monitors = List.copyOf(list);
        MonitorAnnotations.validateGeneric(monitors);
        return monitors;
    }

    /** The Datadog keys: {@code DD_API_KEY}/{@code DD_APP_KEY}, or a secret holding {@code {"apiKey", "appKey"}}. */
    static Optional<String[]> datadogKeys(Map<String, String> env, Secrets secrets) {
        Optional<String> json = secrets.secretNamed("DATADOG_KEYS_SECRET_ARN");
        if (json.isPresent()) {
            Map<String, Object> keys = Json.readObject(json.get());
            Object api = keys.getOrDefault("apiKey", keys.get("DD_API_KEY"));
            Object app = keys.getOrDefault("appKey", keys.get("DD_APP_KEY"));
            if (!(api instanceof String a) || !(app instanceof String b)) {
                throw new IllegalStateException("the secret in DATADOG_KEYS_SECRET_ARN must hold JSON "
                        + "{\"apiKey\": \"...\", \"appKey\": \"...\"}");
            }
            return Optional.of(new String[] {a, b});
        }
        String api = env.get("DD_API_KEY");
        String app = env.get("DD_APP_KEY");
        return api == null || app == null || api.isBlank() || app.isBlank()
                ? Optional.empty()
                : Optional.of(new String[] {api, app});
    }
}
