package io.autowatch.avro;

/** Blanks out what an IDL file's text scanners must not look into. */
final class IdlBlanks {

    private IdlBlanks() {}

    /**
     * The text with every comment and the inside of every string literal turned to spaces (line breaks kept), so
     * that offsets and lines stay where they were and a pattern never matches inside a comment or a string.
     */
    static String commentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"') {
                out.append('"');
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.append("  ");
                        i += 2;
                    } else {
                        out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                        i++;
                    }
                }
                if (i < text.length()) {
                    out.append('"');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
