package io.autowatch.schemasync.report;

/**
 * The answer to a command over the hourly limit: a comment of its own, edited in place each hour it is needed, so
 * that it never replaces the status comment's plan and compatibility findings.
 */
public final class LimitComment {

    public static final String MARKER = "<!-- autowatch:limit -->";

    private LimitComment() {}

    public static String render(String why) {
        return MARKER + "\n**Not done:** " + Markdown.text(why) + "\n";
    }
}
