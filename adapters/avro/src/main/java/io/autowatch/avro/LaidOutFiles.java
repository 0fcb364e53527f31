package io.autowatch.avro;

import io.autowatch.monitor.SchemaError;
import io.autowatch.schemasync.Limits;
import io.autowatch.schemasync.RepoPaths;
import io.autowatch.schemasync.SchemaSource;
import io.autowatch.schemasync.report.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's schema files laid out in a folder at their repository paths, for Avro's parser, which resolves imports
 * itself from disk: each path is confined to the repository before it is fetched, and only what was fetched and
 * checked is written.
 */
final class LaidOutFiles {

    private LaidOutFiles() {}

    /** What was fetched: the files that may be parsed, what each imports, and each file's size. */
    record Fetched(Set<String> readable, Map<String, List<String>> importsOf, Map<String, Integer> sizes) {
        /** The bytes of the file and of everything it imports, transitively, each counted once. */
        long closureBytes(String path) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(path));
            long bytes = 0;
            while (!todo.isEmpty()) {
                String next = todo.poll();
                if (seen.add(next)) {
                    bytes += sizes.getOrDefault(next, 0);
                    todo.addAll(importsOf.getOrDefault(next, List.of()));
                }
            }
            return bytes;
        }
    }

    /**
     * Fetches the files and, transitively, what they import, each path confined to the repository before it is
     * fetched; lays out only what was fetched; and answers which of the requested files may be parsed: those whose
     * every import, transitively, was fetched and passed the checks (so that Avro never looks beyond the folder,
     * nor falls back to the classpath for a missing file).
     */
    static Fetched fetch(SchemaSource source, List<String> paths, Path root, List<SchemaError> errors) {
        Map<String, List<String>> importsOf = new LinkedHashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        Set<String> bad = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String path : paths) {
            switch (RepoPaths.file(path)) {
                case RepoPaths.Inside inside -> queue.add(inside.path());
                case RepoPaths.Refused refused ->
                    errors.add(new SchemaError(
                            Names.printable(path), 0, "this file name is refused: " + refused.reason()));
            }
        }
        long totalBytes = 0;
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (importsOf.containsKey(path) || bad.contains(path)) {
                continue;
            }
            if (importsOf.size() + bad.size() >= Limits.MAX_FILES) {
                errors.add(new SchemaError(
                        path,
                        0,
                        "not read: this command already reads " + Limits.MAX_FILES
                                + " files (the changed schemas and their imports), the most one command reads"));
                bad.add(path);
                continue;
            }
            Optional<byte[]> content = source.read(path);
            if (content.isEmpty()) {
                errors.add(new SchemaError(path, 0, "the file does not exist " + source.where()));
                bad.add(path);
                continue;
            }
            byte[] bytes = content.get();
            totalBytes += bytes.length;
            Optional<String> tooBig = bytes.length > Limits.MAX_FILE_BYTES
                    ? Optional.of("the file is " + bytes.length + " bytes; at most " + Limits.MAX_FILE_BYTES)
                    : totalBytes > Limits.MAX_TOTAL_BYTES
                            ? Optional.of("not read: the files of this command exceed " + Limits.MAX_TOTAL_BYTES
                                    + " bytes together")
                            : Optional.empty();
            if (tooBig.isPresent()) {
                errors.add(new SchemaError(path, 0, tooBig.get()));
                bad.add(path);
                continue;
            }
            List<String> imports = new ArrayList<>();
            // Every file is checked as IDL, whatever its name: Avro parses a changed file, or one imported with
            // `import idl`, as IDL whatever it is called, and then follows its imports itself.
            if (!checkIdl(path, new String(bytes, StandardCharsets.UTF_8), imports, errors)) {
                bad.add(path);
                continue;
            }
            importsOf.put(path, imports);
            sizes.put(path, bytes.length);
            queue.addAll(imports);
            write(root, path, bytes);
        }
        // A file is readable only when everything it imports is, transitively.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var entry : importsOf.entrySet()) {
                if (bad.contains(entry.getKey())) {
                    continue;
                }
                Optional<String> missing =
                        entry.getValue().stream().filter(bad::contains).findFirst();
                if (missing.isPresent()) {
                    bad.add(entry.getKey());
                    changed = true;
                    if (paths.contains(entry.getKey())) {
                        errors.add(new SchemaError(
                                entry.getKey(),
                                0,
                                "not read, because its import '" + missing.get()
                                        + "' could not be read (see its error)"));
                    }
                }
            }
        }
        Set<String> readable = new HashSet<>(importsOf.keySet());
        readable.removeAll(bad);
        return new Fetched(readable, importsOf, sizes);
    }

    /**
     * Checks an IDL file before it is parsed: its nesting depth (deep JSON in an annotation overflows the parser's
     * stack) and each import, confined to the repository. Adds the confined imports to {@code imports}.
     *
     * @return whether the file may be parsed
     */
    private static boolean checkIdl(String path, String text, List<String> imports, List<SchemaError> errors) {
        int errorsBefore = errors.size();
        IdlText.Nesting nesting = new IdlText(text).deepestNesting();
        if (nesting.depth() > Limits.MAX_NESTING) {
            errors.add(new SchemaError(
                    path,
                    nesting.line(),
                    "brackets are nested " + nesting.depth() + " deep here; at most " + Limits.MAX_NESTING));
            return false;
        }
        List<IdlImports.Import> found = IdlImports.of(text);
        if (found.size() > Limits.MAX_IMPORTS_PER_FILE) {
            errors.add(new SchemaError(
                    path, 0, "the file has " + found.size() + " imports; at most " + Limits.MAX_IMPORTS_PER_FILE));
            return false;
        }
        for (IdlImports.Import imported : found) {
            String wanted =
                    switch (imported.kind()) {
                        case "idl" -> ".avdl";
                        case "protocol" -> ".avpr";
                        default -> ".avsc";
                    };
            if (!imported.literal().endsWith(wanted)) {
                errors.add(new SchemaError(
                        path,
                        imported.line(),
                        "import " + imported.kind() + " \""
                                + Names.printable(imported.literal()) + "\" is refused: an " + imported.kind()
                                + " import names a " + wanted + " file"));
                continue;
            }
            switch (RepoPaths.imported(path, imported.literal())) {
                case RepoPaths.Inside inside -> imports.add(inside.path());
                case RepoPaths.Refused refused ->
                    errors.add(new SchemaError(
                            path,
                            imported.line(),
                            "import "
                                    + imported.kind() + " \"" + Names.printable(imported.literal()) + "\" is refused: "
                                    + refused.reason()));
            }
        }
        return errors.size() == errorsBefore;
    }

    private static void write(Path root, String path, byte[] bytes) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) { // RepoPaths confined it already; a second lock on the same door
            throw new IllegalStateException("refusing to write outside the schema folder: " + path);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
