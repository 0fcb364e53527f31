package io.autowatch.monitor;

import io.autowatch.monitor.Plan.Conflict;
import io.autowatch.monitor.Plan.Create;
import io.autowatch.monitor.Plan.Delete;
import io.autowatch.monitor.Plan.Step;
import io.autowatch.monitor.Plan.Unchanged;
import io.autowatch.monitor.Plan.Update;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides create / update / delete / unchanged by comparing the monitors the schemas ask for with the monitors that
 * exist, matched by name + env tag (no stored ids). Pure: the same input always gives the same plan.
 *
 * <p>Definitions are compared after normalizing what Datadog changes on its side: it answers {@code query alert}
 * for a {@code metric alert}, returns numbers as doubles, fills in option defaults (only the options autowatch sets
 * are compared), and may reorder tags.
 */
public final class MonitorPlanner {

    private MonitorPlanner() {}

    /**
     * @param desired        every monitor the touched schema files ask for
     * @param existing       the monitors found by the listings (by schema-file tag and by name), any order; those
     *                       without the env tag are ignored
     * @param schemaTags     the {@link MonitorRenderer#schemaTag schema tags} of every touched file, removed and
     *                       renamed ones included: an existing monitor with one of them that is no longer desired is
     *                       deleted
     * @param envTag         the deployment's env tag
     */
    public static Plan plan(
            List<MonitorDefinition> desired, List<ExistingMonitor> existing, Set<String> schemaTags, String envTag) {
        return plan(desired, existing, schemaTags, envTag, Optional.empty());
    }

    /**
     * @param repository the repository whose schemas these are, when known: a monitor tagged with another
     *                   repository is never updated or deleted (a conflict), and only the repository's own monitors
     *                   are deleted
     */
    public static Plan plan(
            List<MonitorDefinition> desired,
            List<ExistingMonitor> existing,
            Set<String> schemaTags,
            String envTag,
            Optional<String> repository) {
        Map<Long, ExistingMonitor> ours = new LinkedHashMap<>();
        existing.stream().filter(e -> e.tags().contains(envTag)).forEach(e -> ours.putIfAbsent(e.id(), e));
        Map<String, List<ExistingMonitor>> byName = new LinkedHashMap<>();
        ours.values().forEach(e -> byName.computeIfAbsent(e.name(), n -> new ArrayList<>())
                .add(e));

        List<Step> steps = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (MonitorDefinition d : desired.stream()
                .sorted(Comparator.comparing(MonitorDefinition::name))
                .toList()) {
            wanted.add(d.name());
            List<ExistingMonitor> matches = byName.getOrDefault(d.name(), List.of());
            if (matches.isEmpty()) {
                steps.add(new Create(d));
            } else if (matches.size() > 1) {
                List<Long> ids =
                        matches.stream().map(ExistingMonitor::id).sorted().toList();
                steps.add(new Conflict(
                        d, ids, "monitors " + ids + " share this name and tag; delete all but one in " + "Datadog"));
            } else if (otherRepository(matches.getFirst(), repository).isPresent()) {
                ExistingMonitor e = matches.getFirst();
                steps.add(new Conflict(
                        d,
                        List.of(e.id()),
                        "monitor " + e.id() + " belongs to the repository "
                                + otherRepository(e, repository).get()
                                + "; monitor names come from the record's simple name, so rename the record"));
            } else if (ownedElsewhere(d, matches.getFirst(), schemaTags).isPresent()) {
                ExistingMonitor e = matches.getFirst();
                steps.add(new Conflict(
                        d,
                        List.of(e.id()),
                        "monitor " + e.id() + " belongs to "
                                + ownedElsewhere(d, e, schemaTags).get() + ", which this pull request does not change; "
                                + "monitor names come from the record's simple name, so rename one of the records"));
            } else {
                ExistingMonitor e = matches.getFirst();
                List<String> changes = differences(d, e);
                steps.add(changes.isEmpty() ? new Unchanged(e.id(), d) : new Update(e.id(), d, changes));
            }
        }
        ours.values().stream()
                .filter(e -> !wanted.contains(e.name()))
                // With a repository known, only its own monitors go; one without the tag predates it and stays.
                .filter(e -> repository.isEmpty() || e.tags().contains(MonitorRenderer.repositoryTag(repository.get())))
                .sorted(Comparator.comparing(ExistingMonitor::name).thenComparing(ExistingMonitor::id))
                .forEach(e -> e.tags().stream()
                        .filter(schemaTags::contains)
                        .filter(MonitorRenderer::isExactSchemaTag) // a lossy legacy tag never decides a delete
                        .findFirst()
                        .ifPresent(tag -> steps.add(new Delete(e, "no longer annotated in " + readable(tag)))));
        return new Plan(steps);
    }

    /**
     * The schema file that owns an existing monitor, when it is not one this command reads: its schema tag is
     * neither among {@code schemaTags}, nor missing. (A monitor with no schema tag was made by hand, or long ago,
     * and is taken over.)
     */
    private static Optional<String> ownedElsewhere(MonitorDefinition d, ExistingMonitor e, Set<String> schemaTags) {
        List<String> owners = e.tags().stream()
                .filter(t -> t.startsWith(MonitorRenderer.SCHEMA_TAG_KEY + ":"))
                .toList();
        Set<String> mine =
                Set.of(MonitorRenderer.schemaTag(d.schemaPath()), MonitorRenderer.legacySchemaTag(d.schemaPath()));
        if (owners.isEmpty() || owners.stream().anyMatch(t -> schemaTags.contains(t) || mine.contains(t))) {
            return Optional.empty();
        }
        return Optional.of(readable(owners.getFirst()));
    }

    /** The other repository a monitor is tagged with, if it is tagged with one. */
    private static Optional<String> otherRepository(ExistingMonitor e, Optional<String> repository) {
        if (repository.isEmpty()) {
            return Optional.empty();
        }
        String prefix = MonitorRenderer.REPOSITORY_TAG_KEY + ":";
        List<String> repos = e.tags().stream().filter(t -> t.startsWith(prefix)).toList();
        return repos.isEmpty() || repos.contains(MonitorRenderer.repositoryTag(repository.get()))
                ? Optional.empty()
                : Optional.of(repos.getFirst().substring(prefix.length()));
    }

    /** A schema tag as a reader knows the file: without the key and the hash. */
    private static String readable(String tag) {
        String value = tag.substring(tag.indexOf(':') + 1);
        return MonitorRenderer.isExactSchemaTag(tag) ? value.substring(0, value.length() - 18) : value;
    }

    /** The fields that differ, in a stable order; empty when the monitor is as desired. */
    static List<String> differences(MonitorDefinition desired, ExistingMonitor existing) {
        List<String> changes = new ArrayList<>();
        if (!normalType(desired.type()).equals(normalType(existing.type()))) {
            changes.add("type");
        }
        if (!normalText(desired.query()).equals(normalText(existing.query()))) {
            changes.add("query");
        }
        if (!desired.message().strip().equals(existing.message().strip())) {
            changes.add("message");
        }
        if (!new TreeSet<>(desired.tags()).equals(lower(existing.tags()))) {
            changes.add("tags");
        }
        if (existing.priority().isEmpty() || existing.priority().get() != desired.priority()) {
            changes.add("priority");
        }
        for (Map.Entry<String, Object> option : new TreeMap<>(desired.options()).entrySet()) {
            if (!Objects.equals(
                    normal(option.getValue()), normal(existing.options().get(option.getKey())))) {
                changes.add("options." + option.getKey());
            }
        }
        return changes;
    }

    private static String normalType(String type) {
        return type.equals("metric alert") ? "query alert" : type;
    }

    private static String normalText(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static Set<String> lower(List<String> tags) {
        Set<String> result = new TreeSet<>();
        tags.forEach(t -> result.add(t.toLowerCase(Locale.ROOT)));
        return result;
    }

    /** Numbers by value, maps without null entries, recursively. */
    static Object normal(Object value) {
        return switch (value) {
            case null -> null;
            case Number n -> new BigDecimal(n.toString()).stripTrailingZeros();
            case Map<?, ?> m -> {
                Map<String, Object> result = new TreeMap<>();
                m.forEach((k, v) -> {
                    if (v != null) {
                        result.put(String.valueOf(k), normal(v));
                    }
                });
                yield result;
            }
            case List<?> l -> l.stream().map(MonitorPlanner::normal).toList();
            default -> value;
        };
    }
}
