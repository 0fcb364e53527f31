package io.autowatch.schemasync;

import java.util.Optional;

/** A repository's files at one commit, read from GitHub as schema files are asked for. */
record CommitFiles(PullRequests github, String repository, String sha) implements SchemaSource {

    @Override
    public Optional<byte[]> read(String path) {
        return github.file(repository, path, sha);
    }

    @Override
    public String where() {
        return "at " + sha.substring(0, Math.min(7, sha.length()));
    }
}
