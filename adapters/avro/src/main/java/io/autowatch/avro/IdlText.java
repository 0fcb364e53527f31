package io.autowatch.avro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the Avro parser does not keep: on which line each record and each monitor annotation is written, and which
 * files a schema imports. Works on the source with comments and string contents blanked out (line breaks kept), so
 * that a word in a comment or a doc string is never taken for a declaration.
 */
final class IdlText {

    /** Any letters: Avro's grammar accepts non-ASCII names, and such a record must be reported, not missed. */
    private static final Pattern RECORD =
            Pattern.compile("(?<![\\p{L}\\p{N}_.`@])record\\s+`?([\\p{L}_][\\p{L}\\p{N}_]*)");

    private static final Pattern ANNOTATION = Pattern.compile("@(monitors?)\\s*\\(");
    private static final Pattern IMPORT = Pattern.compile("(?<![\\w.])import\\s+(idl|schema|protocol)\\s+\"");

    private final String source;
    private final String blank;
    /** Offsets where each line after the first starts, for line numbers by binary search. */
    private final int[] lineStarts;

    IdlText(String source) {
        this.source = source;
        this.blank = IdlBlanks.commentsAndStrings(source);
        this.lineStarts = IntStream.range(0, blank.length())
                .filter(i -> blank.charAt(i) == '\n')
                .map(i -> i + 1)
                .toArray();
    }

    /** A record declaration, with the monitor annotation written before it, if any. */
    record Declaration(String name, int line, Optional<AnnotationAt> annotation) {}

    /** @param elementLines for {@code @monitors([...])}, the line each element of the list starts on */
    record AnnotationAt(boolean plural, int line, List<Integer> elementLines) {}

    /** A monitor annotation that does not stand before a record (on a field, an enum, the protocol). */
    record Stray(boolean plural, int line) {}

    record Import(String kind, String path) {}

    List<Declaration> records() {
        List<Declaration> declarations = new ArrayList<>();
        Matcher record = RECORD.matcher(blank);
        while (record.find()) {
            AnnotationAt at = null;
            for (int[] annotation : annotationsBefore(record.start())) {
                String name = blank.substring(annotation[0] + 1, annotation[1]);
                if (name.equals("monitor") || name.equals("monitors")) {
                    boolean plural = name.equals("monitors");
                    at = new AnnotationAt(
                            plural, lineOf(annotation[0]), plural ? elementLines(annotation[1]) : List.of());
                }
            }
            declarations.add(new Declaration(record.group(1), lineOf(record.start()), Optional.ofNullable(at)));
        }
        return declarations;
    }

    /**
     * Where each element of the list in {@code @monitors([...])} starts, scanning from the end of the annotation's
     * name: an element starts at the first character that is not white space or a comma, at the list's own depth.
     * Works on the blanked text, so brackets in strings and comments do not count.
     */
    private List<Integer> elementLines(int afterName) {
        List<Integer> lines = new ArrayList<>();
        int i = afterName;
        while (i < blank.length() && blank.charAt(i) != '(') {
            i++;
        }
        while (i < blank.length() && blank.charAt(i) != '[' && blank.charAt(i) != ')') {
            i++;
        }
        if (i >= blank.length() || blank.charAt(i) != '[') {
            return lines;
        }
        int depth = 0;
        boolean inElement = false;
        for (i = i + 1; i < blank.length(); i++) {
            char c = blank.charAt(i);
            if (depth == 0 && c == ']') {
                break;
            }
            if (depth == 0 && c == ',') {
                inElement = false;
                continue;
            }
            if (depth == 0 && !inElement && !Character.isWhitespace(c)) {
                inElement = true;
                lines.add(lineOf(i));
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            }
        }
        return lines;
    }

    /**
     * The annotations written right before {@code offset} ({@code @name(...)}, separated by white space only), as
     * [start of '@', end of name] pairs, nearest first. Walks backwards over balanced parentheses, which works
     * because string contents are blanked.
     */
    private List<int[]> annotationsBefore(int offset) {
        List<int[]> found = new ArrayList<>();
        int i = offset - 1;
        while (true) {
            while (i >= 0 && Character.isWhitespace(blank.charAt(i))) {
                i--;
            }
            if (i < 0 || blank.charAt(i) != ')') {
                return found;
            }
            int depth = 0;
            for (; i >= 0; i--) {
                char c = blank.charAt(i);
                if (c == ')' || c == ']' || c == '}') {
                    depth++;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
            }
            i--;
            while (i >= 0 && Character.isWhitespace(blank.charAt(i))) {
                i--;
            }
            int end = i + 1;
            while (i >= 0 && (Character.isLetterOrDigit(blank.charAt(i)) || "_-.".indexOf(blank.charAt(i)) >= 0)) {
                i--;
            }
            if (i < 0 || blank.charAt(i) != '@' || end == i + 1) {
                return found;
            }
            found.add(new int[] {i, end});
            i--;
        }
    }

    /** The monitor annotations that none of {@code declarations} (from {@link #records()}) owns. */
    List<Stray> strayAnnotations(List<Declaration> declarations) {
        Set<Integer> owned = declarations.stream()
                .flatMap(d -> d.annotation().stream())
                .map(AnnotationAt::line)
                .collect(Collectors.toSet());
        List<Stray> stray = new ArrayList<>();
        Matcher annotation = ANNOTATION.matcher(blank);
        while (annotation.find()) {
            int line = lineOf(annotation.start());
            if (!owned.contains(line)) {
                stray.add(new Stray(annotation.group(1).equals("monitors"), line));
            }
        }
        return stray;
    }

    /** The deepest bracket nesting, outside comments and strings, and the line where it is reached. */
    record Nesting(int depth, int line) {}

    Nesting deepestNesting() {
        int depth = 0;
        int deepest = 0;
        int at = 0;
        for (int i = 0; i < blank.length(); i++) {
            char c = blank.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                if (depth > deepest) {
                    deepest = depth;
                    at = i;
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return new Nesting(deepest, deepest == 0 ? 0 : lineOf(at));
    }

    List<Import> imports() {
        List<Import> imports = new ArrayList<>();
        Matcher match = IMPORT.matcher(blank);
        while (match.find()) {
            int open = match.end();
            int close = source.indexOf('"', open);
            if (close > open) {
                imports.add(new Import(match.group(1), source.substring(open, close)));
            }
        }
        return imports;
    }

    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return (found >= 0 ? found + 1 : -found - 1) + 1;
    }
}
