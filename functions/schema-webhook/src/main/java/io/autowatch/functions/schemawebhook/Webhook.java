package io.autowatch.functions.schemawebhook;

import io.autowatch.github.webhook.HttpRequest;
import io.autowatch.github.webhook.WebhookDecision;
import io.autowatch.github.webhook.WebhookReceiver;
import io.autowatch.schemasync.intake.CommandIntake;
import io.autowatch.schemasync.intake.CommandIntake.Outcome;

/**
 * The webhook's one service: who checks a request (the signature, the event, the command) and what takes an accepted
 * command (once per delivery, pinned to the recorded head, onto the worker's queue).
 */
public final class Webhook {

    private final WebhookReceiver receiver;
    private final CommandIntake intake;

    public Webhook(WebhookReceiver receiver, CommandIntake intake) {
        this.receiver = receiver;
        this.intake = intake;
    }

    /** What became of one request: a command queued (or a redelivery not queued again), a head recorded, or why not. */
    public WebhookDecision receive(HttpRequest request) {
        WebhookDecision decision = receiver.decide(request);
        return switch (decision) {
            case WebhookDecision.Accepted accepted -> {
                Outcome outcome = intake.accept(accepted.command());
                yield outcome == Outcome.DUPLICATE
                        ? new WebhookDecision.Duplicate("already accepted: delivery "
                                + accepted.command().deliveryId() + " runs once")
                        : accepted;
            }
            case WebhookDecision.HeadMoved moved -> {
                // The head first: a command that comes while the plan is queued is pinned to it.
                intake.headMoved(moved.repository(), moved.pullRequest(), moved.headSha(), moved.at());
                moved.autoplan().ifPresent(intake::accept); // whether the repository wants it is the worker's to read
                yield moved;
            }
            default -> decision;
        };
    }
}
