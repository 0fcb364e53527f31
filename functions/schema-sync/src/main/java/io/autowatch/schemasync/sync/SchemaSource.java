package io.autowatch.schemasync.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where schema files are read from: a pull request's commit on GitHub, or a folder on disk (port). */
public interface SchemaSource {

    /** The file at a repository path, or empty when it does not exist there. */
    Optional<byte[]> read(String path);

    /** Where that is, for messages: {@code at abc1234}, {@code in ./schemas}. */
    String where();

    /** A folder on disk, paths relative to it. */
    static SchemaSource folder(Path root) {
        return new SchemaSource() {
            @Override
            public Optional<byte[]> read(String path) {
                Path file = root.resolve(path).normalize();
                if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
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
        };
    }
}
