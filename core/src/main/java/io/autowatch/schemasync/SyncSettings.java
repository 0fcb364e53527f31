package io.autowatch.schemasync;

import io.autowatch.monitor.MonitorSettings;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How schema sync behaves in this deployment.
 *
 * @param monitors     metric names, env tag, generic monitors
 * @param schemaGlob   which files are schemas ({@code SCHEMA_GLOB}, default {@code **}{@code /*.avdl})
 * @param repositories repositories allowed to register ({@code ALLOWED_REPOSITORIES}); empty allows every one
 * @param allowForks   whether {@code esm register} may apply a pull request from a fork ({@code ALLOW_FORK_PRS})
 */
public record SyncSettings(MonitorSettings monitors, String schemaGlob, Set<String> repositories, boolean allowForks) {

    public static final String DEFAULT_GLOB = "**/*.avdl";

    public SyncSettings {
        Objects.requireNonNull(monitors, "monitors");
        Objects.requireNonNull(schemaGlob, "schemaGlob");
        repositories =
                repositories.stream().map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        FileSystems.getDefault().getPathMatcher("glob:" + schemaGlob);
    }

    public static SyncSettings defaults() {
        return new SyncSettings(MonitorSettings.defaults(), DEFAULT_GLOB, Set.of(), false);
    }

    /** True when {@code path} (a repository path) is a schema file; {@code **}{@code /} also matches the root. */
    public boolean isSchema(String path) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + schemaGlob);
        if (matcher.matches(Path.of(path))) {
            return true;
        }
        return schemaGlob.startsWith("**/")
                && FileSystems.getDefault()
                        .getPathMatcher("glob:" + schemaGlob.substring(3))
                        .matches(Path.of(path));
    }

    public boolean allows(String repository) {
        return repositories.isEmpty() || repositories.contains(repository.toLowerCase(Locale.ROOT));
    }
}
