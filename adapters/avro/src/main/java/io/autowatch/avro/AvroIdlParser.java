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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
        return AnnotatedRecords.of(path, source, idl, imported(root, path, source, importedNames));
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
