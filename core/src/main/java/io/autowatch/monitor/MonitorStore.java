package io.autowatch.monitor;

import java.util.List;

/** Datadog's monitors, as schema sync needs them (port; the Datadog adapter implements it). */
public interface MonitorStore {

    /**
     * Every monitor carrying all of {@code monitorTags}, all pages.
     *
     * @throws MonitorStoreException when the listing fails: the caller must not take it for "none exist"
     */
    List<ExistingMonitor> listByTags(List<String> monitorTags);

    /** Monitors whose name matches {@code name} exactly and that carry all of {@code monitorTags}. */
    List<ExistingMonitor> listByName(String name, List<String> monitorTags);

    /** Asks Datadog whether it would accept the monitor; throws {@link MonitorStoreException} naming why not. */
    void validate(MonitorDefinition monitor);

    /** @return the new monitor's id */
    long create(MonitorDefinition monitor);

    /** Replaces the monitor's definition, options included. */
    void update(long id, MonitorDefinition monitor);

    /** Deletes the monitor; one that is already gone counts as deleted. */
    void delete(long id);

    /** A refused or failed call, with Datadog's own words. */
    class MonitorStoreException extends RuntimeException {
        private final int status;

        public MonitorStoreException(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status, 0 when Datadog was not reached. */
        public int status() {
            return status;
        }
    }
}
