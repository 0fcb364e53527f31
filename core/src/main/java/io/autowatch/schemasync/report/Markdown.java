package io.autowatch.schemasync.report;

/**
 * Puts text that a pull request chose (file names, record names, values, Datadog's and GitHub's answers) into a
 * GitHub comment as text, never as markup: no links, images, HTML, mentions, issue references or table breaks.
 *
 * <p>Backslash escapes stop Markdown, but GitHub finds mentions and bare URLs in the rendered text, after them; so a
 * WORD JOINER (U+2060, invisible) also goes after every {@code @}, before {@code //} and after {@code www}.
 */
public final class Markdown {

    private static final String JOINER = "\u2060";
    /**
     * What can make a link, a code span or a new table cell in the middle of a line (the text never starts a line:
     * it follows a label or a pipe). Emphasis only styles text, so {@code _} and {@code *} stay as written.
     */
    private static final String PUNCTUATION = "\\`[]|";

    /** A message's length in the comment; longer ones (a Datadog answer quoting a whole monitor) are cut. */
    private static final int MAX_TEXT = 2_000;

    private Markdown() {}

    /** Plain text, one line, inert. */
    public static String text(String raw) {
        String s = Names.printable(raw, MAX_TEXT);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '@' -> out.append('@').append(JOINER);
                case ':' -> out.append(s.startsWith("//", i + 1) ? ":" + JOINER : ":");
                case '#' -> out.append(i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)) ? "#" + JOINER : "#");
                default -> {
                    if (PUNCTUATION.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        // GitHub also links "GH-123" to an issue.
        return out.toString()
                .replaceAll("(?i)www\\.", "www" + JOINER + ".")
                .replaceAll("(?i)\\bGH-(?=\\d)", "GH-" + JOINER);
    }

    /**
     * A code span holding the text exactly (after {@link Names#printable}): fenced with more backticks than any run
     * inside it, so that no backtick in a file name can close it. Code spans are never links or mentions.
     */
    public static String code(String raw) {
        String s = Names.printable(raw).replace('|', '¦'); // a pipe would still end a table cell
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`") || s.isBlank();
        return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
    }
}
