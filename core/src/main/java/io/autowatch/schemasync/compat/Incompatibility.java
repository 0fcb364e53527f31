package io.autowatch.schemasync.compat;

import java.util.Objects;

/**
 * One change that breaks readers, for the pull request's comment.
 *
 * @param schemaPath the changed file
 * @param line       the field's line (the record's when the field is gone or unknown), 1-based
 * @param record     the record's simple name
 * @param words      what breaks, for a schema owner, e.g. "field `b` was added without a default: readers of the new
 *                   schema cannot read old events"
 */
public record Incompatibility(String schemaPath, int line, String record, String words) {
    public Incompatibility {
        Objects.requireNonNull(schemaPath, "schemaPath");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(words, "words");
    }
}
