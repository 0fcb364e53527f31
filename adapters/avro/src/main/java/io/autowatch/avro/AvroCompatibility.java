package io.autowatch.avro;

import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.compat.SchemaChange;
import io.autowatch.schemasync.compat.SchemaChange.Direction;
import io.autowatch.schemasync.compat.SchemaChange.Finding;
import io.autowatch.schemasync.compat.SchemaChange.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;

/**
 * Compares two versions of a record's schema with Avro's own {@link SchemaCompatibility}, in both directions. Two
 * versions whose Parsing Canonical Form is the same describe the same data (Avro drops annotations, docs, defaults
 * and aliases from it), so an edit of a {@code @monitor} annotation is not a schema change.
 */
final class AvroCompatibility {

    private static final Pattern TOP_FIELD = Pattern.compile("^/fields/(\\d+)");

    private AvroCompatibility() {}

    static SchemaChange compare(SchemaRecord.Shape before, SchemaRecord.Shape after) {
        // The reader's own Schema objects: nothing is serialised and parsed again.
        Schema old = (Schema) before.schema();
        Schema now = (Schema) after.schema();
        if (SchemaNormalization.toParsingForm(old).equals(SchemaNormalization.toParsingForm(now))) {
            return SchemaChange.NONE;
        }
        List<Finding> findings = new ArrayList<>();
        findings(now, old, Direction.NEW_READS_OLD, findings);
        findings(old, now, Direction.OLD_READS_NEW, findings);
        return new SchemaChange(true, findings);
    }

    private static void findings(Schema reader, Schema writer, Direction direction, List<Finding> into) {
        SchemaCompatibility.SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(
                        reader, writer)
                .getResult();
        for (SchemaCompatibility.Incompatibility i : result.getIncompatibilities()) {
            into.add(new Finding(direction, kind(i.getType()), field(reader, i.getLocation()), detail(i)));
        }
    }

    /** The top-level field of the reader's record that the location points into, if any. */
    private static String field(Schema reader, String location) {
        Matcher m = TOP_FIELD.matcher(location == null ? "" : location);
        if (!m.find() || reader.getType() != Schema.Type.RECORD) {
            return "";
        }
        int index = Integer.parseInt(m.group(1));
        return index < reader.getFields().size() ? reader.getFields().get(index).name() : "";
    }

    private static String detail(SchemaCompatibility.Incompatibility i) {
        String message = i.getMessage() == null ? "" : i.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static Kind kind(SchemaCompatibility.SchemaIncompatibilityType type) {
        return switch (type) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> Kind.FIELD_WITHOUT_DEFAULT;
            case TYPE_MISMATCH -> Kind.TYPE_CHANGED;
            case MISSING_ENUM_SYMBOLS -> Kind.ENUM_SYMBOLS;
            case MISSING_UNION_BRANCH -> Kind.UNION_BRANCH;
            case NAME_MISMATCH -> Kind.NAME_CHANGED;
            case FIXED_SIZE_MISMATCH -> Kind.FIXED_SIZE;
        };
    }
}
