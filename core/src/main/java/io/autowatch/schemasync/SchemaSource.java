package io.autowatch.schemasync;

import java.util.Optional;

/** Where schema files are read from: a pull request's commit on GitHub, or a folder on disk (port). */
public interface SchemaSource {

    /** The file at a repository path, or empty when it does not exist there. */
    Optional<byte[]> read(String path);

    /** Where that is, for messages: {@code at abc1234}, {@code in ./schemas}. */
    String where();
}
