package io.autowatch.schemasync;

import io.autowatch.json.Json;
import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.compat.SchemaChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the Avro IDL reader: a "schema file" here is a small JSON document, read through the
 * {@link SchemaSource} the service passes (so it sees the commit the service asked for).
 *
 * <pre>
 * {"records": [{"name": "AddToCartEvent", "line": 5, "monitor": {"type": "traffic_anomaly"}},
 *              {"name": "CheckoutEvent", "line": 9, "monitors": [{"type": "error_rate", "percent": 5}]},
 *              {"name": "Address", "line": 12}],
 *  "broken": {"line": 4, "message": "expected ';'"}}
 * </pre>
 *
 * Records are in namespace {@code com.shop}, top-level, with the annotation on the line above the record. A file with
 * {@code broken} yields that error besides its records; a missing or non-JSON file yields an error and no records.
 */
final class JsonSchemaReader implements SchemaReader {

    private final List<String> reads = new ArrayList<>();

    /** Each file read, as {@code PATH WHERE}, e.g. {@code schemas/cart.avdl at a000002}. */
    List<String> reads() {
        return List.copyOf(reads);
    }

    /** Its records carry no shape, so the compatibility check never asks; a record without one is not compared. */
    @Override
    public SchemaChange compare(SchemaRecord.Shape before, SchemaRecord.Shape after) {
        throw new UnsupportedOperationException("the JSON stand-in's records have no shape to compare");
    }

    @Override
    public Read read(SchemaSource source, List<String> paths) {
        List<SchemaRecord> records = new ArrayList<>();
        List<SchemaError> errors = new ArrayList<>();
        for (String path : paths) {
            reads.add(path + " " + source.where());
            Optional<byte[]> bytes = source.read(path);
            if (bytes.isEmpty()) {
                errors.add(new SchemaError(path, 0, "no such file " + source.where()));
                continue;
            }
            Map<String, Object> file;
            try {
                file = Json.readObject(bytes.get());
            } catch (IllegalArgumentException e) {
                errors.add(new SchemaError(path, 1, e.getMessage()));
                continue;
            }
            if (file.get("broken") instanceof Map<?, ?> broken) {
                errors.add(new SchemaError(path, number(broken, "line"), String.valueOf(broken.get("message"))));
            }
            if (file.get("records") instanceof List<?> list) {
                list.forEach(item -> records.add(record(path, (Map<?, ?>) item)));
            }
        }
        return new Read(records, errors);
    }

    private static SchemaRecord record(String path, Map<?, ?> json) {
        String name = String.valueOf(json.get("name"));
        int line = number(json, "line");
        Optional<SchemaRecord.Annotation> annotation = Optional.empty();
        if (json.containsKey("monitor")) {
            annotation = Optional.of(new SchemaRecord.Annotation(false, json.get("monitor"), line - 1));
        } else if (json.containsKey("monitors")) {
            annotation = Optional.of(new SchemaRecord.Annotation(true, json.get("monitors"), line - 1));
        }
        return new SchemaRecord(path, line, name, "com.shop." + name, annotation, true);
    }

    private static int number(Map<?, ?> json, String key) {
        return ((Number) json.get(key)).intValue();
    }

    // --- writing such files in a test ---

    /** A schema file holding these records (each from {@link #record}, {@link #records} or {@link #plain}). */
    static String file(String... records) {
        return "{\"records\": [" + String.join(", ", records) + "]}";
    }

    /** A file that does not parse at {@code line}; the records are those read before the problem. */
    static String broken(int line, String message, String... records) {
        return "{\"broken\": " + Json.write(Map.of("line", line, "message", message)) + ", \"records\": ["
                + String.join(", ", records) + "]}";
    }

    /** A record at {@code line} with {@code @monitor(monitorJson)} on the line above. */
    static String record(String name, int line, String monitorJson) {
        return "{\"name\": \"%s\", \"line\": %d, \"monitor\": %s}".formatted(name, line, monitorJson);
    }

    /** A record at {@code line} with {@code @monitors(listJson)} on the line above. */
    static String records(String name, int line, String listJson) {
        return "{\"name\": \"%s\", \"line\": %d, \"monitors\": %s}".formatted(name, line, listJson);
    }

    /** A record without an annotation. */
    static String plain(String name, int line) {
        return "{\"name\": \"%s\", \"line\": %d}".formatted(name, line);
    }

    /** Files in memory, for calling {@link MonitorSync} directly. */
    static SchemaSource folder(String where, Map<String, String> files) {
        return new SchemaSource() {
            @Override
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(files.get(path)).map(text -> text.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String where() {
                return where;
            }
        };
    }
}
