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
    RECONCILE("push to the default branch"),
    /**
     * Not a comment: a pull request opened, reopened or pushed to, planned without anyone asking (README, "Autoplan").
     * It never writes to Datadog.
     */
    AUTOPLAN("autoplan"),
    /**
     * Not a comment: the scheduled drift check, which makes Datadog match the default branch again when monitors were
     * edited or deleted in Datadog's UI (README, "Drift").
     */
    DRIFT("drift check");

    private final String text;

    Command(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether a pull-request comment can give this command (the others come from GitHub's events or a schedule). */
    public boolean fromComment() {
        return this == REGISTER || this == PLAN || this == HELP;
    }

    /** Whether it only plans, never writing to Datadog. */
    public boolean plansOnly() {
        return this == PLAN || this == AUTOPLAN;
    }

    /** Whether it makes Datadog match the default branch as a whole (a push, or the drift check). */
    public boolean wholeBranch() {
        return this == RECONCILE || this == DRIFT;
    }

    /**
     * {@code esm register} with its confirmations, in either order: {@code --allow-deletes=N} (up to N deletes) and
     * {@code --allow-incompatible} (register changes the compatibility check refuses).
     */
    private static final Pattern REGISTER_WITH_FLAGS =
            Pattern.compile("esm register(?: --allow-deletes=(\\d{1,5})| (--allow-incompatible)){1,2}");

    public static Optional<Command> parse(String commentBody) {
        String first = firstLine(commentBody);
        if (REGISTER_WITH_FLAGS.matcher(first).matches()) {
            return Optional.of(REGISTER);
        }
        for (Command command : values()) {
            if (command.fromComment() && command.text.equals(first)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** How many deletes the comment confirms with {@code --allow-deletes=N}; 0 without. */
    public static int allowedDeletes(String commentBody) {
        Matcher m = REGISTER_WITH_FLAGS.matcher(firstLine(commentBody));
        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether the comment confirms registering changes that break readers, with {@code --allow-incompatible}. */
    public static boolean allowsIncompatible(String commentBody) {
        Matcher m = REGISTER_WITH_FLAGS.matcher(firstLine(commentBody));
        return m.matches() && firstLine(commentBody).contains(" --allow-incompatible");
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
