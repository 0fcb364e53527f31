package io.autowatch.local.runtime;

/**
 * A health-check refusal in the words of {@code ./autowatch check}: the function names its event's fields
 * ({@code detail.day}, {@code detail.jobs}), which a user of the CLI never typed; its options are {@code --day} and
 * {@code --job}.
 */
final class CliWords {

    private CliWords() {}

    static String of(String message) {
        if (message == null) {
            return null;
        }
        return message.replace("'detail.day'", "--day")
                .replace("'detail.jobs'", "--job")
                .replace("with \"jobs\": [\"<job>\"]", "with --job <job>");
    }
}
