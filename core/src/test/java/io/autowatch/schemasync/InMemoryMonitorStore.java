package io.autowatch.schemasync;

import io.autowatch.monitor.ExistingMonitor;
import io.autowatch.monitor.MonitorDefinition;
import io.autowatch.monitor.MonitorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Datadog's monitors, in memory: by id, with name and tags, listed as {@link MonitorStore} documents. Keeps a log of
 * the writes (create, update, delete; not validate), and can be told to fail the tag listings, the listing of one
 * monitor name, or every write of one monitor name, with a {@link MonitorStoreException} as the adapter throws it.
 */
final class InMemoryMonitorStore implements MonitorStore {

    private final Map<Long, ExistingMonitor> monitors = new TreeMap<>();
    private final List<String> writes = new ArrayList<>();
    private final Set<String> unlistableNames = new HashSet<>();
    private final Map<String, Integer> refusedWrites = new HashMap<>();
    private boolean tagListingsFail;
    private long nextId = 1_000;

    // --- what a test sets up ---

    /** A monitor that is in Datadog already, exactly as {@code d} (not logged as a write); returns its id. */
    long put(MonitorDefinition d) {
        long id = nextId++;
        monitors.put(id, asStored(id, d));
        return id;
    }

    /** Someone edits the monitor in Datadog: its query is now {@code query}. */
    void editQuery(long id, String query) {
        ExistingMonitor e = monitors.get(id);
        monitors.put(
                id,
                new ExistingMonitor(id, e.name(), e.type(), query, e.message(), e.tags(), e.priority(), e.options()));
    }

    /** Every listing by tags fails from now on, as when Datadog answers 500 after its retries. */
    void failTagListings() {
        tagListingsFail = true;
    }

    /** The listing of monitors by this name fails. */
    void failListingOf(String name) {
        unlistableNames.add(name);
    }

    /** Every write (validate, create, update, delete) of the monitor with this name fails with {@code status}. */
    void failWritesOf(String name, int status) {
        refusedWrites.put(name, status);
    }

    void stopFailingWrites() {
        refusedWrites.clear();
    }

    // --- what a test looks at ---

    /** The writes made, in order: {@code create NAME}, {@code update NAME}, {@code delete NAME}. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    List<ExistingMonitor> monitors() {
        return List.copyOf(monitors.values());
    }

    List<String> names() {
        return monitors.values().stream().map(ExistingMonitor::name).sorted().toList();
    }

    Optional<ExistingMonitor> named(String name) {
        return monitors.values().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    // --- the port ---

    @Override
    public List<ExistingMonitor> listByTags(List<String> monitorTags) {
        if (tagListingsFail) {
            throw new MonitorStoreException("GET /api/v1/monitor: 500 Internal Server Error (injected)", 500, null);
        }
        return monitors.values().stream()
                .filter(m -> m.tags().containsAll(monitorTags))
                .toList();
    }

    @Override
    public List<ExistingMonitor> listByName(String name, List<String> monitorTags) {
        if (unlistableNames.contains(name)) {
            throw new MonitorStoreException(
                    "GET /api/v1/monitor?name=" + name + ": 500 Internal Server Error (injected)", 500, null);
        }
        return monitors.values().stream()
                .filter(m -> m.name().equals(name) && m.tags().containsAll(monitorTags))
                .toList();
    }

    @Override
    public void validate(MonitorDefinition monitor) {
        refuseIfTold(monitor.name());
    }

    @Override
    public long create(MonitorDefinition monitor) {
        refuseIfTold(monitor.name());
        long id = put(monitor);
        writes.add("create " + monitor.name());
        return id;
    }

    @Override
    public void update(long id, MonitorDefinition monitor) {
        refuseIfTold(monitor.name());
        if (!monitors.containsKey(id)) {
            throw new MonitorStoreException("PUT /api/v1/monitor/" + id + ": 404 Not Found", 404, null);
        }
        monitors.put(id, asStored(id, monitor));
        writes.add("update " + monitor.name());
    }

    @Override
    public void delete(long id) {
        ExistingMonitor gone = monitors.get(id);
        if (gone == null) {
            return; // already gone counts as deleted
        }
        refuseIfTold(gone.name());
        monitors.remove(id);
        writes.add("delete " + gone.name());
    }

    private void refuseIfTold(String name) {
        Integer status = refusedWrites.get(name);
        if (status != null) {
            throw new MonitorStoreException(
                    "Datadog answered " + status + " for '" + name + "' (injected)", status, null);
        }
    }

    private static ExistingMonitor asStored(long id, MonitorDefinition d) {
        return new ExistingMonitor(
                id, d.name(), d.type(), d.query(), d.message(), d.tags(), Optional.of(d.priority()), d.options());
    }
}
