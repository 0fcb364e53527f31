package io.autowatch.monitor;

import java.util.Objects;

/**
 * Something wrong in a schema file, said so that the schema's owner can fix it: the file, the line (0 when
 * unknown), and what is wrong.
 */
public record SchemaError(String schemaPath, int line, String message) {
    public SchemaError {
        Objects.requireNonNull(schemaPath, "schemaPath");
        Objects.requireNonNull(message, "message");
    }

    /** {@code schemas/cart.avdl:12: message}, as compilers write it. */
    @Override
    public String toString() {
        return line > 0 ? schemaPath + ":" + line + ": " + message : schemaPath + ": " + message;
    }
}
