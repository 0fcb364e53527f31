package io.autowatch.schemasync;

/**
 * What one pull-request command reads and writes at most. A stranger writes the pull request, so every count and
 * size it controls is capped, and going over a cap is an error that names it, never a silent cut.
 */
public final class Limits {

    /** Files read for one command: the changed schemas and, transitively, their imports. */
    public static final int MAX_FILES = 300;

    /** One schema file's size (Avro's parser holds a file and its parse tree in memory). */
    public static final int MAX_FILE_BYTES = 1_000_000;

    /** All files of one command together. */
    public static final long MAX_TOTAL_BYTES = 10_000_000;

    /**
     * Bytes parsed for one command, each changed file counted with everything it imports (Avro parses the closure
     * again for every file), so that many files importing the same large ones cannot keep the worker busy for hours.
     */
    public static final long MAX_PARSE_BYTES = 30_000_000;

    /** Bracket nesting in an IDL file; deep JSON in an annotation would overflow the parser's stack. */
    public static final int MAX_NESTING = 64;

    /** Import statements in one file. */
    public static final int MAX_IMPORTS_PER_FILE = 100;

    /** Records read for one command. */
    public static final int MAX_RECORDS = 2_000;

    /** Monitors one command may ask for. */
    public static final int MAX_MONITORS = 500;

    /** Files GitHub lists for one pull request; a pull request with more cannot be read whole. */
    public static final int MAX_CHANGED_FILES = 3_000;

    /** Deletes one {@code esm register} makes without {@code --allow-deletes=N}. */
    public static final int DELETES_WITHOUT_CONFIRMATION = 10;

    private Limits() {}
}
