package io.autowatch.avro;

import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlFile;

/**
 * The records Avro parsed from one IDL file, matched to their declarations in the text (for line numbers) and read
 * for their {@code @monitor} annotations. Avro keeps an annotation as a schema property; its line comes from
 * {@link IdlText}, since Avro's schemas carry none.
 */
final class AnnotatedRecords {

    private AnnotatedRecords() {}

    /** The line of the record declared next after {@code line}, from the declarations' sorted lines. */
    private static int nextRecord(int[] sortedLines, int line) {
        int at = Arrays.binarySearch(sortedLines, line + 1);
        int next = at >= 0 ? at : -at - 1;
        return next < sortedLines.length ? sortedLines[next] : Integer.MAX_VALUE;
    }

    /**
     * The file's records, each with its {@code @monitor}/{@code @monitors} annotation and the lines they stand on, and
     * the annotation errors found (a misspelt or misplaced annotation, both forms on one record).
     *
     * @param imported the full names of the records the file imports (the file's own records win over them)
     */
    static AvroIdlParser.Read of(String path, String source, IdlFile idl, Set<String> imported) {
        IdlText text = new IdlText(source);
        // Split as IdlText counts lines (on \n only), so that a lone \r cannot shift the lines reported.
        List<String> sourceLines = List.of(source.split("\n", -1));
        List<SchemaError> errors = new ArrayList<>();
        Map<String, Schema> declared = new LinkedHashMap<>();
        Map<String, IdlText.Declaration> declarations = new LinkedHashMap<>();
        List<IdlText.Declaration> found = text.records();
        int[] declaredLines =
                found.stream().mapToInt(IdlText.Declaration::line).sorted().toArray();
        Map<String, Schema> recordsByName = recordsBySimpleName(idl, imported);
        for (IdlText.Declaration declaration : found) {
            Optional.ofNullable(recordsByName.get(declaration.name())).ifPresent(schema -> {
                declared.put(schema.getFullName(), schema);
                declarations.put(schema.getFullName(), declaration);
            });
        }
        Set<String> usedByOthers = new HashSet<>();
        declared.values().forEach(schema -> schema.getFields()
                .forEach(field -> collectRecords(field.schema(), usedByOthers, new HashSet<>())));

        List<SchemaRecord> records = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : declared.entrySet()) {
            Schema schema = entry.getValue();
            IdlText.Declaration declaration = declarations.get(entry.getKey());
            Object single = schema.getObjectProp("monitor");
            Object plural = schema.getObjectProp("monitors");
            int annotationLine =
                    declaration.annotation().map(IdlText.AnnotationAt::line).orElse(declaration.line());
            misspelt(schema)
                    .ifPresent(prop -> errors.add(new SchemaError(
                            path,
                            annotationLine,
                            "record " + schema.getName() + ": unknown annotation @" + prop
                                    + "; did you mean @monitor or @monitors?")));
            Optional<SchemaRecord.Annotation> annotation = Optional.empty();
            if (single != null && plural != null) {
                errors.add(new SchemaError(
                        path,
                        annotationLine,
                        "record " + schema.getName()
                                + " has both @monitor and @monitors; use @monitors([...]) for several monitors"));
            } else if ((single != null || plural != null) && !schema.getName().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                errors.add(new SchemaError(
                        path,
                        annotationLine,
                        "record " + schema.getName() + " has a name that is not plain ASCII (letters A-Z, digits, _): "
                                + "Datadog monitor names and tags need one, so rename the record to annotate it"));
            } else if (single != null || plural != null) {
                annotation = Optional.of(new SchemaRecord.Annotation(
                        plural != null,
                        plain(plural != null ? plural : single),
                        annotationLine,
                        declaration
                                .annotation()
                                .map(IdlText.AnnotationAt::elementLines)
                                .orElse(List.of())));
            }
            records.add(new SchemaRecord(
                    path,
                    declaration.line(),
                    schema.getName(),
                    schema.getFullName(),
                    annotation,
                    !usedByOthers.contains(schema.getFullName()),
                    Optional.of(new SchemaRecord.Shape(
                            schema,
                            FieldLines.of(
                                    sourceLines,
                                    declaration.line(),
                                    nextRecord(declaredLines, declaration.line()),
                                    schema)))));
        }
        for (IdlText.Stray stray : text.strayAnnotations(found)) {
            errors.add(new SchemaError(
                    path,
                    stray.line(),
                    (stray.plural() ? "@monitors" : "@monitor")
                            + " must stand directly before a record declaration; here it annotates something else"));
        }
        return new AvroIdlParser.Read(path, records, errors);
    }

    /** The record types (the file's own and imported ones) by simple name; the file's own win. */
    private static Map<String, Schema> recordsBySimpleName(IdlFile idl, Set<String> imported) {
        Map<String, Schema> named = new LinkedHashMap<>(idl.getNamedSchemas());
        if (idl.getProtocol() != null) {
            idl.getProtocol().getTypes().forEach(t -> named.putIfAbsent(t.getFullName(), t));
        }
        Map<String, Schema> bySimpleName = new LinkedHashMap<>();
        // The file's own records first: an imported one of the same simple name must not shadow them.
        named.values().stream()
                .filter(s -> s.getType() == Schema.Type.RECORD && !s.isError())
                .sorted(Comparator.comparing((Schema s) -> imported.contains(s.getFullName())))
                .forEach(s -> bySimpleName.putIfAbsent(s.getName(), s));
        return bySimpleName;
    }

    private static void collectRecords(Schema schema, Set<String> into, Set<Schema> seen) {
        if (!seen.add(schema)) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> into.add(schema.getFullName());
            case ARRAY -> collectRecords(schema.getElementType(), into, seen);
            case MAP -> collectRecords(schema.getValueType(), into, seen);
            case UNION -> schema.getTypes().forEach(t -> collectRecords(t, into, seen));
            default -> {}
        }
    }

    private static Optional<String> misspelt(Schema schema) {
        return schema.getObjectProps().keySet().stream()
                .filter(p -> !p.equals("monitor") && !p.equals("monitors"))
                .filter(p -> p.toLowerCase(Locale.ROOT).startsWith("moni")
                        || p.equalsIgnoreCase("monitor")
                        || p.equalsIgnoreCase("monitors"))
                .findFirst();
    }

    /** Avro's JSON values as plain Java values: maps, lists, strings, numbers, booleans, null. */
    static Object plain(Object value) {
        if (value == JsonProperties.NULL_VALUE) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), plain(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(v -> result.add(plain(v)));
            return result;
        }
        return value;
    }
}
