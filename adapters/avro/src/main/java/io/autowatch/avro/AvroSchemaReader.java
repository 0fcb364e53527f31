package io.autowatch.avro;

import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.Limits;
import io.autowatch.schemasync.SchemaReader;
import io.autowatch.schemasync.SchemaSource;
import io.autowatch.schemasync.compat.SchemaChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link SchemaReader} for Avro IDL: lays the files and, transitively, what they import out in a temporary
 * folder at their repository paths (Avro's parser resolves imports itself, from disk), reads each, and removes the
 * folder.
 */
public final class AvroSchemaReader implements SchemaReader {

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
            LaidOutFiles.Fetched fetched = LaidOutFiles.fetch(source, paths, root, errors);
            Map<String, Set<String>> importedNames = new HashMap<>();
            long parsing = 0;
            for (String path : paths) {
                if (!fetched.readable().contains(path)) {
                    continue;
                }
                // Avro parses a file together with everything it imports: the work is the closure's size.
                long cost = fetched.closureBytes(path);
                if (parsing + cost > Limits.MAX_PARSE_BYTES) {
                    errors.add(new SchemaError(
                            path,
                            0,
                            "not read: with its imports it would take this command "
                                    + "past " + Limits.MAX_PARSE_BYTES
                                    + " bytes of parsing (files that import the same "
                                    + "large files count them each time); split the pull request"));
                    continue;
                }
                parsing += cost;
                switch (AvroIdlParser.read(root, path, importedNames)) {
                    case AvroIdlParser.Read read -> {
                        records.addAll(read.records());
                        errors.addAll(read.errors());
                    }
                    case AvroIdlParser.Failed failed -> errors.addAll(failed.errors());
                }
            }
            return new Read(records, errors);
        } finally {
            delete(root);
        }
    }

    /**
     * Reads a small annotated file once and compares its record with itself, for a snapshot (SnapStart) to hold Avro's
     * IDL parser, ANTLR and the compatibility check loaded and warm. Throws when the sample does not read cleanly.
     */
    public void prime() {
        byte[] sample = """
                @namespace("autowatch.priming")
                protocol Priming {
                  @monitor({"type": "low_volume", "threshold": 1})
                  record PrimingEvent { string id; int count = 0; union { null, string } note = null; }
                }
                """.getBytes(StandardCharsets.UTF_8);
        SchemaSource source = new SchemaSource() {
            @Override
            public Optional<byte[]> read(String path) {
                return path.equals("priming.avdl") ? Optional.of(sample) : Optional.empty();
            }

            @Override
            public String where() {
                return "in the priming sample";
            }
        };
        Read read = read(source, List.of("priming.avdl"));
        if (!read.errors().isEmpty() || read.records().isEmpty()) {
            throw new IllegalStateException("the priming sample did not read cleanly: " + read.errors());
        }
        read.records().forEach(r -> r.shape().ifPresent(shape -> compare(shape, shape)));
    }

    @Override
    public SchemaChange compare(SchemaRecord.Shape before, SchemaRecord.Shape after) {
        return AvroCompatibility.compare(before, after);
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is cleaned with the execution environment.
        }
    }
}
