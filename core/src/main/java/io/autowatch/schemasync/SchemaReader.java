package io.autowatch.schemasync;

import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.compat.SchemaComparison;
import java.util.List;

/**
 * Turns schema files into their annotated records, and compares two versions of a record (port; the Avro IDL adapter
 * implements it).
 */
public interface SchemaReader extends SchemaComparison {

    /**
     * Reads {@code paths} and, transitively, what they import from {@code source}.
     *
     * @return every record of those files with its annotations, and every problem found, each naming file and line
     */
    Read read(SchemaSource source, List<String> paths);

    /** The records read and the problems found; a file with problems may still contribute records. */
    record Read(List<SchemaRecord> records, List<SchemaError> errors) {
        public Read {
            records = List.copyOf(records);
            errors = List.copyOf(errors);
        }
    }
}
