package io.autowatch.monitor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A record declared in a schema file, with its monitor annotation if it has one.
 *
 * @param schemaPath  the file's path in the repository
 * @param line        the line of the {@code record} declaration (1-based)
 * @param name        the record's simple name, e.g. {@code AddToCartEvent}
 * @param fullName    with namespace, e.g. {@code com.shop.cart.AddToCartEvent}
 * @param annotation  {@code @monitor} or {@code @monitors}, as Avro read it
 * @param topLevel    no other record in the file uses it as a field type: an event rather than a part of one
 * @param shape       the record's schema, for the compatibility check, when the reader can tell it
 */
public record SchemaRecord(
        String schemaPath,
        int line,
        String name,
        String fullName,
        Optional<Annotation> annotation,
        boolean topLevel,
        Optional<Shape> shape) {

    public SchemaRecord {
        Objects.requireNonNull(schemaPath, "schemaPath");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(shape, "shape");
    }

    public SchemaRecord(
            String schemaPath,
            int line,
            String name,
            String fullName,
            Optional<Annotation> annotation,
            boolean topLevel) {
        this(schemaPath, line, name, fullName, annotation, topLevel, Optional.empty());
    }

    /**
     * What a record's data looks like, as the schema language writes it down (for Avro, the schema's JSON), and where
     * its fields are declared.
     *
     * @param schema     the schema as the reader holds it (opaque to the core: only the reader compares two)
     * @param fieldLines each top-level field's line in the file (1-based), where found
     */
    public record Shape(Object schema, Map<String, Integer> fieldLines) {
        public Shape {
            Objects.requireNonNull(schema, "schema");
            fieldLines = Map.copyOf(fieldLines);
        }
    }

    /**
     * A monitor annotation's value.
     *
     * @param plural true for {@code @monitors([...])}, false for {@code @monitor({...})}
     * @param value  the JSON value: maps, lists, strings, numbers, booleans, null
     * @param line   where the annotation is written (1-based), or the record's line when unknown
     * @param elementLines for {@code @monitors([...])}, the line of each element of the list, where known
     */
    public record Annotation(boolean plural, Object value, int line, List<Integer> elementLines) {
        public Annotation {
            elementLines = List.copyOf(elementLines);
        }

        public Annotation(boolean plural, Object value, int line) {
            this(plural, value, line, List.of());
        }

        public String spelling() {
            return plural ? "@monitors" : "@monitor";
        }

        /** The line of the list's {@code index}-th element, or the annotation's line when it is not known. */
        public int lineOf(int index) {
            return index < elementLines.size() ? elementLines.get(index) : line;
        }
    }
}
