package io.autowatch.avro;

import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schema.SchemaReader;
import io.autowatch.schema.SchemaSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link SchemaReader} for Avro IDL: lays the files and, transitively, what they import out in a temporary
 * folder at their repository paths (Avro's parser resolves imports itself, from disk), reads each, and removes the
 * folder.
 */
public final class AvroSchemaFiles implements SchemaReader {

    private static final int MAX_FILES = 200;

    @Override
    public Read read(SchemaSource source, List<String> paths) {
        List<SchemaError> errors = new ArrayList<>();
        List<SchemaRecord> records = new ArrayList<>();
        Path root;
        try {
            root = Files.createTempDirectory("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            fetch(source, paths, root, errors);
            for (String path : paths) {
                if (!Files.exists(root.resolve(path))) {
                    continue;
                }
                switch (AvroSchemaReader.read(root, path)) {
                    case AvroSchemaReader.Read read -> {
                        records.addAll(read.records());
                        errors.addAll(read.errors());
                    }
                    case AvroSchemaReader.Failed failed -> errors.add(failed.error());
                }
            }
            return new Read(records, errors);
        } finally {
            delete(root);
        }
    }

    /** Lays the files and, transitively, what they import out under {@code root} at their repository paths. */
    private static void fetch(SchemaSource source, List<String> paths, Path root, List<SchemaError> errors) {
        Deque<String[]> queue = new ArrayDeque<>();
        paths.forEach(p -> queue.add(new String[] {p, null}));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_FILES) {
            String[] next = queue.poll();
            String path = next[0];
            String importer = next[1];
            if (!seen.add(path)) {
                continue;
            }
            Optional<byte[]> content = source.read(path);
            if (content.isEmpty()) {
                errors.add(new SchemaError(
                        importer == null ? path : importer,
                        0,
                        importer == null
                                ? "the file does not exist " + source.where()
                                : "imports '" + path + "', which does not exist " + source.where()));
                continue;
            }
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root)) {
                errors.add(new SchemaError(
                        importer == null ? path : importer, 0, "import '" + path + "' points outside the repository"));
                continue;
            }
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, content.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (path.endsWith(".avdl")) {
                Path folder = Path.of(path).getParent();
                for (String imported : AvroSchemaReader.imports(new String(content.get(), StandardCharsets.UTF_8))) {
                    String resolved = (folder == null ? Path.of(imported) : folder.resolve(imported))
                            .normalize()
                            .toString()
                            .replace('\\', '/');
                    queue.add(new String[] {resolved, path});
                }
            }
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is cleaned with the execution environment.
        }
    }
}
