package io.autowatch.schemasync.compat;

import io.autowatch.monitor.SchemaRecord;

/** Compares two versions of a record's schema (port; the schema reader, with Avro's own rules, implements it). */
public interface SchemaComparison {

    /**
     * How a record's schema changed from {@code before} to {@code after} (two {@link SchemaRecord.Shape}s this reader
     * produced): whether its data's shape changed at all, and each way the new schema's readers cannot read old events
     * or the old schema's readers new ones.
     */
    SchemaChange compare(SchemaRecord.Shape before, SchemaRecord.Shape after);
}
