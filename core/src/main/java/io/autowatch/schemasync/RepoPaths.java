package io.autowatch.schemasync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Confines paths that a pull request chose (its file names and its {@code import} statements) to the repository,
 * before anything is fetched or written. Pure: it only looks at the text.
 *
 * <p>Refused: empty or over-long paths, absolute paths, URI schemes ({@code file:}, {@code classpath:},
 * {@code http:}; Avro's parser would follow them), backslashes, percent-escapes, {@code ?} and {@code #}, control
 * characters, empty segments, and anything that normalizes outside the repository root.
 */
public final class RepoPaths {

    /** GitHub's own limit on a path is far longer; no schema repository needs more. */
    public static final int MAX_LENGTH = 400;

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

    private RepoPaths() {}

    /** A repository path, normalized, or why it is refused. */
    public sealed interface Confined permits Inside, Refused {}

    public record Inside(String path) implements Confined {}

    public record Refused(String reason) implements Confined {}

    /** A path as the repository lists it (a changed file's name). */
    public static Confined file(String path) {
        return resolve("", path);
    }

    /**
     * What {@code imported}, written in the file at {@code importer}, names in the repository: it is resolved
     * against the importer's folder, as Avro resolves it.
     */
    public static Confined imported(String importer, String imported) {
        int slash = importer.lastIndexOf('/');
        return resolve(slash < 0 ? "" : importer.substring(0, slash), imported);
    }

    private static Confined resolve(String folder, String path) {
        Optional<String> problem = problem(path);
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        Deque<String> segments = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String segment : folder.split("/", -1)) {
                segments.addLast(segment);
            }
        }
        for (String segment : path.split("/", -1)) {
            switch (segment) {
                case "" -> {
                    return new Refused("it has an empty path segment ('//' or a trailing '/')");
                }
                case "." -> {
                    // the same folder
                }
                case ".." -> {
                    if (segments.isEmpty()) {
                        return new Refused("it points outside the repository");
                    }
                    segments.removeLast();
                }
                default -> segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            return new Refused("it names the repository's root folder, not a file");
        }
        return new Inside(String.join("/", segments));
    }

    private static Optional<String> problem(String path) {
        if (path.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("it is " + path.length() + " characters long; at most " + MAX_LENGTH);
        }
        if (path.startsWith("/")) {
            return Optional.of("it is an absolute path; write a path relative to the importing file");
        }
        if (SCHEME.matcher(path).find()) {
            return Optional.of("it is a URI; write a path relative to the importing file");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                return Optional.of("it has a backslash; separate folders with '/'");
            }
            if (c == '%' || c == '?' || c == '#') {
                return Optional.of("it has '" + c + "', which a URI would read as an escape, a query or a fragment");
            }
            if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of("it has a control character (U+%04X)".formatted((int) c));
            }
        }
        return Optional.empty();
    }
}
