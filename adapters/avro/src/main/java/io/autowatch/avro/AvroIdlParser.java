package io.autowatch.avro;

import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.RepoPaths;
import io.autowatch.schemasync.RepoPaths.Inside;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.Protocol;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlFile;
import org.apache.avro.idl.IdlReader;

/**
 * Reads the records of an Avro IDL file and their monitor annotations, with avro-idl's {@link IdlReader}. The file
 * and everything it imports must be laid out under one root folder with the repository's paths, since the reader
 * resolves imports from disk only.
 *
 * <p>Parse failures (Avro's SchemaParseException and I/O errors for missing imports) name the line when Avro does.
 *
 * <p>How annotations are read: Avro keeps {@code @name(json)} on a named type as a schema property, so
 * {@code @monitor({...})} on a record arrives as property {@code monitor} holding the parsed JSON. Avro does not
 * keep line numbers; {@link IdlText} finds them in the source.
 */
public final class AvroIdlParser {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    /** ANTLR reports some lexer errors (a stray '#') only on standard error, and the parse then succeeds. */
    private static final Object STDERR_LOCK = new Object();

    private AvroIdlParser() {}

    /** The outcome of reading one file. */
    public sealed interface Result permits Read, Failed {
        String path();
    }

    public record Read(String path, List<SchemaRecord> records, List<SchemaError> errors) implements Result {
        public Read {
            records = List.copyOf(records);
            errors = List.copyOf(errors);
        }
    }

    /** The file could not be read; every error found, each with its line. */
    public record Failed(String path, List<SchemaError> errors) implements Result {
        public Failed {
            errors = List.copyOf(errors);
        }

        public Failed(String path, SchemaError error) {
            this(path, List.of(error));
        }

        /** The first error. */
        public SchemaError error() {
            return errors.getFirst();
        }
    }

    /** The files a schema imports, as written (relative to its folder). */
    public static List<String> imports(String source) {
        return new IdlText(source).imports().stream().map(IdlText.Import::path).toList();
    }

    /**
     * @param root the folder that holds the repository's files at their paths
     * @param path the file to read, relative to {@code root}
     */
    public static Result read(Path root, String path) {
        return read(root, path, new HashMap<>());
    }

    /**
     * @param importedNames the record names each imported file brings, by path: filled as files are parsed, so
     *                      that one command parses each import on its own only once
     */
    public static Result read(Path root, String path, Map<String, Set<String>> importedNames) {
        Path file = root.resolve(path);
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Failed(path, new SchemaError(path, 0, "cannot read the file: " + e.getMessage()));
        }
        List<SchemaError> syntax = IdlSyntax.errors(path, source);
        if (!syntax.isEmpty()) {
            return new Failed(path, syntax);
        }
        IdlFile idl;
        String lexerErrors;
        synchronized (STDERR_LOCK) {
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                idl = new IdlReader().parse(file);
            } catch (IOException | RuntimeException e) {
                return new Failed(path, new SchemaError(path, lineOf(e.getMessage()), describe(e, root)));
            } catch (StackOverflowError e) {
                // The nesting cap should keep this from happening; a file must never take the worker down.
                return new Failed(path, new SchemaError(path, 0, "the file is nested too deeply to parse"));
            } finally {
                System.setErr(original);
            }
            // Only ANTLR's own reports count; anything else printed meanwhile is not about this file.
            lexerErrors = captured.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.matches("line \\d+:\\d+ .*"))
                    .collect(Collectors.joining("\n"));
        }
        if (!lexerErrors.isEmpty()) {
            String first = lexerErrors.lines().findFirst().orElse(lexerErrors);
            return new Failed(path, new SchemaError(path, lineOf(first), "syntax error: " + first));
        }
        return records(path, source, idl, imported(root, path, source, importedNames));
    }

    /**
     * The full names of the record types that {@code path}'s imports bring in (read again on their own), so that an
     * imported record never stands in for the file's own record of the same simple name.
     */
    private static Set<String> imported(Path root, String path, String source, Map<String, Set<String>> importedNames) {
        Set<String> names = new HashSet<>();
        for (IdlImports.Import imp : IdlImports.of(source)) {
            if (!(RepoPaths.imported(path, imp.literal()) instanceof Inside inside)) {
                continue; // refused before the parse; never read
            }
            Set<String> known = importedNames.get(inside.path());
            if (known != null) {
                names.addAll(known);
                continue;
            }
            Set<String> found = new HashSet<>();
            importedNames.put(inside.path(), found);
            Path file = root.resolve(inside.path());
            try {
                switch (imp.kind()) {
                    case "idl" ->
                        new IdlReader().parse(file).getNamedSchemas().keySet().forEach(names::add);
                    case "protocol" ->
                        Protocol.parse(file.toFile()).getTypes().forEach(t -> names.add(t.getFullName()));
                    default -> {
                        Schema.Parser parser = new Schema.Parser();
                        parser.parse(file.toFile());
                        names.addAll(parser.getTypes().keySet());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The import was parsed as part of the file already; if it fails alone, nothing is excluded.
            }
        }
        return names;
    }

    private static Read records(String path, String source, IdlFile idl, Set<String> imported) {
        IdlText text = new IdlText(source);
        List<SchemaError> errors = new ArrayList<>();
        Map<String, Schema> declared = new LinkedHashMap<>();
        Map<String, IdlText.Declaration> declarations = new LinkedHashMap<>();
        List<IdlText.Declaration> found = text.records();
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
                    !usedByOthers.contains(schema.getFullName())));
        }
        for (IdlText.Stray stray : text.strayAnnotations(found)) {
            errors.add(new SchemaError(
                    path,
                    stray.line(),
                    (stray.plural() ? "@monitors" : "@monitor")
                            + " must stand directly before a record declaration; here it annotates something else"));
        }
        return new Read(path, records, errors);
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

    private static int lineOf(String message) {
        if (message == null) {
            return 0;
        }
        Matcher line = LINE.matcher(message);
        return line.find() ? Integer.parseInt(line.group(1)) : 0;
    }

    private static String describe(Exception e, Path root) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Paths in messages are the temporary folder's: show them as repository paths.
        return message.replace(root.toAbsolutePath() + "/", "").replace(root + "/", "");
    }
}
