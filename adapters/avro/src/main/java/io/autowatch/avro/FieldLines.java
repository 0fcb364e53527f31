package io.autowatch.avro;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Where a record's fields are declared in its IDL file: Avro keeps no line numbers, so the lines after the record's
 * declaration are read once for names written as IDL writes a field ({@code type name;} or {@code type name =
 * default;}, the name possibly in backquotes), up to the next record's declaration, and each field takes the first
 * line its name is declared on. So a file is read once for all its records, however many fields a stranger writes.
 * A field not found takes no line (the record's is used).
 */
final class FieldLines {

    /** A name starts where no name character precedes it, and is taken whole (possessive): linear on any line. */
    private static final Pattern DECLARED = Pattern.compile("(?<![A-Za-z0-9_`])`?([A-Za-z_][A-Za-z0-9_]*+)`?\\s*+[=;]");

    /** A line longer than this declares no field a person wrote: it is not searched. */
    private static final int MAX_LINE = 10_000;

    private FieldLines() {}

    /**
     * @param recordLine the record's declaration (1-based)
     * @param nextRecord the next record's declaration in the file, or past the last line
     */
    static Map<String, Integer> of(List<String> lines, int recordLine, int nextRecord, Schema record) {
        Map<String, Integer> firstLine = new HashMap<>();
        int from = Math.max(0, recordLine - 1);
        int to = Math.min(lines.size(), Math.max(from + 1, nextRecord - 1));
        for (int i = from; i < to; i++) {
            if (lines.get(i).length() > MAX_LINE) {
                continue;
            }
            Matcher name = DECLARED.matcher(lines.get(i));
            while (name.find()) {
                firstLine.putIfAbsent(name.group(1), i + 1);
            }
        }
        Map<String, Integer> found = new HashMap<>();
        for (Schema.Field field : record.getFields()) {
            Integer line = firstLine.get(field.name());
            if (line != null) {
                found.put(field.name(), line);
            }
        }
        return found;
    }
}
