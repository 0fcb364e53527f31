package io.autowatch.github.webhook;

import io.autowatch.schemasync.intake.CommandRequest;
import java.time.Instant;
import java.util.Optional;

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

    /** A delivery accepted before (GitHub's redelivery): answered, not carried out again. */
    record Duplicate(String message) implements WebhookDecision {
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

    /**
     * A pull request was opened, reopened or pushed to: its head is recorded, so that later commands are pinned to it,
     * and {@link #autoplan}, when there is one, is queued to plan it without anyone asking.
     */
    record HeadMoved(String repository, int pullRequest, String headSha, Instant at, Optional<CommandRequest> autoplan)
            implements WebhookDecision {
        @Override
        public int status() {
            return autoplan.isPresent() ? 202 : 204;
        }

        @Override
        public String message() {
            return "head of " + repository + "#" + pullRequest + " is " + headSha
                    + (autoplan.isPresent()
                            ? "; its plan is queued (autoplan)"
                            : "; not planned automatically (a pull request from outside the repository's "
                                    + "contributors: comment `esm plan`)");
        }
    }

    record Accepted(CommandRequest command) implements WebhookDecision {
        @Override
        public int status() {
            return 202;
        }

        @Override
        public String message() {
            return "accepted: " + command.command().text() + " on " + command.repository()
                    + (command.command().wholeBranch() ? "" : "#" + command.pullRequest());
        }
    }
}
