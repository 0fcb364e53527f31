package io.autowatch.schemasync.report;

/** Repository-chosen text (paths, names, import strings) made safe to put in a message: short, one line, visible. */
public final class Names {

    private static final int MAX = 200;

    private Names() {}

    /** Control and invisible characters become U+FFFD; text over 200 characters is cut with an ellipsis. */
    public static String printable(String text) {
        return printable(text, MAX);
    }

    /** As {@link #printable(String)}, cut at {@code max} characters. */
    public static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        text.codePoints().limit(max).forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            out.appendCodePoint(invisible ? 0xFFFD : c);
        });
        return text.codePointCount(0, text.length()) > max ? out + "…" : out.toString();
    }
}
