package io.autowatch.avro;

import io.autowatch.schemasync.SchemaSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A {@link SchemaSource} that is a folder on disk (the CLI's {@code plan}), paths relative to it. */
public final class SchemaFolder implements SchemaSource {

    private final Path root;

    public SchemaFolder(Path root) {
        this.root = root.normalize();
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String where() {
        return "in " + root;
    }
}
