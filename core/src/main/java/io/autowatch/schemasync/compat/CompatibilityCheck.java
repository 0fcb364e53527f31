package io.autowatch.schemasync.compat;

import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.compat.SchemaChange.Direction;
import io.autowatch.schemasync.compat.SchemaChange.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each record a pull request changes against its version at the merge base, at the repository's level. A
 * record new at the head has nothing to be compatible with; a record whose schema did not change (an annotation or a
 * comment edited) is not a schema change. The comparison itself is the schema reader's (Avro's own); a reader that
 * gives its records no shape (none but Avro's does) gets no check at all, rather than one that passes.
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {}

    public static Optional<CompatibilityReport> check(
            CompatibilityConfig.Chosen chosen,
            List<SchemaRecord> head,
            List<SchemaRecord> base,
            SchemaComparison reader) {
        if (head.stream().allMatch(r -> r.shape().isEmpty())
                && base.stream().allMatch(r -> r.shape().isEmpty())) {
            return Optional.empty(); // no record read, or a reader that cannot compare: no check, rather than a pass
        }
        CompatibilityLevel level = chosen.level();
        if (level == CompatibilityLevel.NONE) {
            return Optional.of(new CompatibilityReport(level, 0, List.of(), chosen.problem()));
        }
        Map<String, SchemaRecord> before = new HashMap<>();
        base.stream().filter(r -> r.shape().isPresent()).forEach(r -> before.putIfAbsent(r.fullName(), r));
        int changed = 0;
        List<Incompatibility> problems = new ArrayList<>();
        for (SchemaRecord after : head) {
            SchemaRecord was = before.get(after.fullName());
            if (was == null || after.shape().isEmpty()) {
                continue;
            }
            SchemaChange change;
            try {
                change = reader.compare(was.shape().get(), after.shape().get());
            } catch (RuntimeException | StackOverflowError e) {
                // One record that cannot be compared must not cost the command its plan; it counts as a problem, so
                // nothing unchecked is registered without --allow-incompatible.
                changed++;
                problems.add(new Incompatibility(
                        after.schemaPath(),
                        after.line(),
                        after.name(),
                        "the record could not be compared with its version at the base ("
                                + e.getClass().getSimpleName() + ")"));
                continue;
            }
            if (!change.changed()) {
                continue;
            }
            changed++;
            for (Finding finding : change.findings()) {
                if (finding.direction() == Direction.NEW_READS_OLD ? level.newReadsOld() : level.oldReadsNew()) {
                    problems.add(new Incompatibility(
                            after.schemaPath(), lineOf(after, finding.field()), after.name(), words(finding)));
                }
            }
        }
        problems.sort(Comparator.comparing(Incompatibility::schemaPath).thenComparingInt(Incompatibility::line));
        return Optional.of(new CompatibilityReport(level, changed, problems, chosen.problem()));
    }

    private static int lineOf(SchemaRecord record, String field) {
        return Optional.ofNullable(record.shape().get().fieldLines().get(field)).orElse(record.line());
    }

    /** One sentence a schema owner understands: what changed, and who can no longer read what. */
    static String words(Finding f) {
        boolean backward = f.direction() == Direction.NEW_READS_OLD;
        String who = backward
                ? "readers of the new schema cannot read old events"
                : "readers of the old schema cannot read new events";
        String field = f.field().isEmpty() ? "the record" : "field `" + f.field() + "`";
        return switch (f.kind()) {
            case FIELD_WITHOUT_DEFAULT ->
                backward
                        ? field + " was added without a default: " + who
                        : field + " was removed, and the old schema gives it no default: " + who;
            case TYPE_CHANGED -> field + " changed type (" + f.detail() + "): " + who;
            case ENUM_SYMBOLS ->
                backward
                        ? field + " lost enum symbols " + f.detail() + ": " + who + " that carry them"
                        : field + " gained enum symbols " + f.detail() + " and the old enum has no default: " + who
                                + " that carry them";
            case UNION_BRANCH -> field + " changed its union (" + f.detail() + "): " + who;
            case NAME_CHANGED -> field + " names a type that was renamed without an alias (" + f.detail() + "): " + who;
            case FIXED_SIZE -> field + " changed a fixed type's size (" + f.detail() + "): " + who;
        };
    }
}
