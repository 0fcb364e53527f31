package io.autowatch.schemasync.compat;

import java.util.List;
import java.util.Objects;

/**
 * How one record's schema changed between two versions, as the schema reader compares them (a port value: the Avro
 * adapter fills it with Avro's own {@code SchemaCompatibility}).
 *
 * @param changed  whether the two differ in what their data looks like (an edit of annotations, docs or
 *                 formatting only is no change)
 * @param findings each way one side cannot read the other's data, in both directions
 */
public record SchemaChange(boolean changed, List<Finding> findings) {

    public SchemaChange {
        findings = List.copyOf(findings);
    }

    public static final SchemaChange NONE = new SchemaChange(false, List.of());

    /** Who cannot read whose events. */
    public enum Direction {
        /** Readers of the new schema, events written with the old one (what BACKWARD needs). */
        NEW_READS_OLD,
        /** Readers of the old schema, events written with the new one (what FORWARD needs). */
        OLD_READS_NEW
    }

    /** What stands in the way, in Avro's terms. */
    public enum Kind {
        /** The reader has a field the writer's data lacks, and no default for it. */
        FIELD_WITHOUT_DEFAULT,
        TYPE_CHANGED,
        /** The writer's enum has symbols the reader's lacks (and the reader's enum has no default). */
        ENUM_SYMBOLS,
        /** The writer's union has a branch the reader's cannot take. */
        UNION_BRANCH,
        NAME_CHANGED,
        FIXED_SIZE
    }

    /**
     * @param field  the record's top-level field it concerns (empty when it concerns the record itself)
     * @param detail what the schema language says of it, e.g. {@code reader type: STRING not compatible with writer
     *               type: INT} or the missing symbols {@code [Z]}
     */
    public record Finding(Direction direction, Kind kind, String field, String detail) {
        public Finding {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
