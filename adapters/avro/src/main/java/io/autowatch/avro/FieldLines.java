package io.autowatch.avro;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Where a record's fields are declared in its IDL file: Avro keeps no line numbers, so each field's name is looked
 * for after the record's declaration, as IDL writes a field ({@code type name;} or {@code type name = default;},
 * the name possibly in backquotes). A field not found takes no line (the record's is used).
 */
final class FieldLines {

    /** A record's fields are declared within this many lines of it, however long its documentation. */
    private static final int SEARCH_LINES = 2_000;

    private FieldLines() {}

    static Map<String, Integer> of(List<String> lines, int recordLine, Schema record) {
        Map<String, Integer> found = new HashMap<>();
        int from = Math.max(0, recordLine - 1);
        int to = Math.min(lines.size(), from + SEARCH_LINES);
        for (Schema.Field field : record.getFields()) {
            Pattern declared = Pattern.compile("(?<![\\w`])`?" + Pattern.quote(field.name()) + "`?\\s*(=|;|$)");
            for (int i = from; i < to; i++) {
                if (declared.matcher(lines.get(i)).find()) {
                    found.put(field.name(), i + 1);
                    from = i; // fields are declared in order
                    break;
                }
            }
        }
        return found;
    }
}
