package io.autowatch.github.webhook;

import io.autowatch.schema.CommandRequest;

/** What the webhook answers, with its HTTP status (README, "Schema sync: setting it up"). */
public sealed interface WebhookDecision {

    int status();

    String message();

    /** No valid signature: nothing is done. */
    record Unauthorized(String message) implements WebhookDecision {
        @Override
        public int status() {
            return 401;
        }
    }

    record Malformed(String message) implements WebhookDecision {
        @Override
        public int status() {
            return 400;
        }
    }

    record Pong(String message) implements WebhookDecision {
        @Override
        public int status() {
            return 200;
        }
    }

    /** An event or comment that is not a command. */
    record Ignored(String message) implements WebhookDecision {
        @Override
        public int status() {
            return 204;
        }
    }

    record Accepted(CommandRequest command) implements WebhookDecision {
        @Override
        public int status() {
            return 202;
        }

        @Override
        public String message() {
            return "accepted: " + command.command().text() + " on " + command.group();
        }
    }
}
