package io.autowatch.schema;

import java.util.Locale;
import java.util.Optional;

/** What a pull-request comment can ask for (README, "Schema sync: setting it up"): its first line, any case, surrounding spaces ignored. */
public enum Command {
    REGISTER("esm register"),
    PLAN("esm plan"),
    HELP("esm help");

    private final String text;

    Command(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<Command> parse(String commentBody) {
        if (commentBody == null) {
            return Optional.empty();
        }
        String first = commentBody
                .lines()
                .findFirst()
                .orElse("")
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        for (Command command : values()) {
            if (command.text.equals(first)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
