package io.autowatch.schemasync.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a pull-request comment can ask for (README, "Schema sync: setting it up"): its first line, any case, surrounding spaces ignored. */
public enum Command {
    REGISTER("esm register"),
    PLAN("esm plan"),
    HELP("esm help"),
    /** Not a comment: a push to the default branch, which makes Datadog match that branch as a whole. */
    RECONCILE("push to the default branch");

    private final String text;

    Command(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** {@code esm register --allow-deletes=N}: the user confirms up to N deletes. */
    private static final Pattern ALLOW_DELETES = Pattern.compile("esm register --allow-deletes=(\\d{1,5})");

    public static Optional<Command> parse(String commentBody) {
        String first = firstLine(commentBody);
        if (ALLOW_DELETES.matcher(first).matches()) {
            return Optional.of(REGISTER);
        }
        for (Command command : values()) {
            if (command != RECONCILE && command.text.equals(first)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** How many deletes the comment confirms with {@code --allow-deletes=N}; 0 without. */
    public static int allowedDeletes(String commentBody) {
        Matcher m = ALLOW_DELETES.matcher(firstLine(commentBody));
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String firstLine(String commentBody) {
        if (commentBody == null) {
            return "";
        }
        return commentBody
                .lines()
                .findFirst()
                .orElse("")
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
