package io.autowatch.local.runtime;

import io.autowatch.aws.AwsClients;
import io.autowatch.functions.schemaworker.WorkerWiring;
import io.autowatch.log.Log;
import io.autowatch.monitor.ExistingMonitor;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.schemasync.SchemaSyncService;
import io.autowatch.schemasync.SyncSettings;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Schema sync for local runs: real Datadog with keys, plan-only without; real GitHub with a token. */
public final class LocalSchemaSync {

    private static final Log LOG = Log.of(LocalSchemaSync.class);

    private LocalSchemaSync() {}

    /**
     * The worker, carrying commands out inline. Without a token, a pull request's autoplan is skipped (logged): the
     * head is recorded all the same, and only a comment's command answers that a token is missing.
     */
    static Consumer<CommandRequest> inline(LocalRuntime.Options options) {
        Consumer<CommandRequest> worker = WorkerWiring.inline(AwsClients.memoize(() -> service(options)));
        return command -> {
            if (command.command() == Command.AUTOPLAN && options.githubToken().isEmpty()) {
                LOG.info("autoplan_skipped", "pullRequest", command.pullRequest(), "why", "no GITHUB_TOKEN");
                return;
            }
            worker.accept(command);
        };
    }

    static SchemaSyncService service(LocalRuntime.Options options) {
        String token = options.githubToken()
                .orElseThrow(() -> new IllegalStateException(
                        "no GITHUB_TOKEN: the webhook is answered, but commands cannot read pull requests. Set GITHUB_TOKEN, "
                                + "or run `autowatch plan <folder>` on schemas in a folder"));
        return WorkerWiring.service(
                options.githubApiUrl(),
                token,
                store(options.datadogKeys(), options.ddSite(), options.datadogApiUrl()),
                SyncSettings.defaults(),
                options.datadogKeys().isEmpty());
    }

    /** Datadog with keys; without, a store that has no monitors and refuses writes (plan-only). */
    public static MonitorStore store(Optional<String[]> keys, String site, Optional<String> apiUrl) {
        if (keys.isPresent()) {
            return WorkerWiring.datadog(keys.get(), apiUrl, site);
        }
        return new MonitorStore() {
            @Override
            public List<ExistingMonitor> listByTags(List<String> monitorTags) {
                return List.of();
            }

            @Override
            public List<ExistingMonitor> listByName(String name, List<String> monitorTags) {
                return List.of();
            }

            @Override
            public void validate(MonitorDefinition monitor) {
                throw refused();
            }

            @Override
            public long create(MonitorDefinition monitor) {
                throw refused();
            }

            @Override
            public void update(long id, MonitorDefinition monitor) {
                throw refused();
            }

            @Override
            public void delete(long id) {
                throw refused();
            }

            private MonitorStoreException refused() {
                return new MonitorStoreException("no Datadog keys: plan only", 0, null);
            }
        };
    }

    /** {@code DD_API_KEY} and {@code DD_APP_KEY}, when both are set. */
    public static Optional<String[]> datadogKeys(Map<String, String> env) {
        String api = env.get("DD_API_KEY");
        String app = env.get("DD_APP_KEY");
        return api == null || app == null || api.isBlank() || app.isBlank()
                ? Optional.empty()
                : Optional.of(new String[] {api, app});
    }
}
