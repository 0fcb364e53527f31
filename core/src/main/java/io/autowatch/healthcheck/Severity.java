package io.autowatch.healthcheck;

import java.util.Locale;

/** How loudly an alert is raised: {@code critical} pages, {@code warning} only chats. */
public enum Severity {
    CRITICAL,
    WARNING;

    /** The lower-case name used in settings and in the {@code severity} message attribute. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(text.strip())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity must be 'critical' or 'warning', not '" + text + "'");
    }
}
