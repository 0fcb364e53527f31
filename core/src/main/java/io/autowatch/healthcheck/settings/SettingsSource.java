package io.autowatch.healthcheck.settings;

/** Where per-job settings overrides are kept (port). */
public interface SettingsSource {

    /**
     * Every override. An override that cannot be read is returned as {@link SettingsOverride#unreadable}, so that
     * only the jobs it covers fail.
     *
     * @throws SystemFailureException when the store cannot be read at all
     */
    SettingsBook load();
}
