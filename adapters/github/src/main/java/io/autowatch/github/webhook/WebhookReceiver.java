package io.autowatch.github.webhook;

import io.autowatch.json.Json;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a webhook delivery is, before anything is done: signature first (nothing is read from an unsigned
 * body), then the event type, then whether a comment is a command. Pure, apart from computing the HMAC.
 */
public final class WebhookReceiver {

    public static final String ROUTE = "/webhooks/github";

    /** GitHub's {@code author_association} of people with no history in the repository. */
    private static final Set<String> OUTSIDERS = Set.of("NONE", "FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR", "MANNEQUIN");

    private final Optional<WebhookSignature> signature;

    /** @param signature empty when no secret is configured: every request is then refused (README, "Schema sync: setting it up") */
    public WebhookReceiver(Optional<WebhookSignature> signature) {
        this.signature = signature;
    }

    public WebhookDecision decide(HttpRequest request) {
        if (signature.isEmpty()) {
            return new WebhookDecision.Unauthorized("no webhook secret is configured; every request is refused");
        }
        if (!signature
                .get()
                .verify(request.body(), request.header("X-Hub-Signature-256").orElse(null))) {
            return new WebhookDecision.Unauthorized("missing or invalid X-Hub-Signature-256");
        }
        if (!request.method().equalsIgnoreCase("POST") || !request.path().endsWith(ROUTE)) {
            return new WebhookDecision.Malformed("only POST " + ROUTE + " is served");
        }
        Optional<String> event = request.header("X-GitHub-Event");
        if (event.isEmpty()) {
            return new WebhookDecision.Malformed("missing X-GitHub-Event header");
        }
        Map<String, Object> payload;
        try {
            payload = payload(request);
        } catch (IllegalArgumentException e) {
            return new WebhookDecision.Malformed("the body is not a GitHub webhook payload: " + e.getMessage());
        }
        return switch (event.get()) {
            case "ping" -> new WebhookDecision.Pong("pong");
            case "issue_comment" -> comment(request, payload);
            case "push" -> push(request, payload);
            case "pull_request" -> pullRequest(request, payload);
            default -> new WebhookDecision.Ignored("event '" + event.get() + "' is not handled");
        };
    }

    private static WebhookDecision comment(HttpRequest request, Map<String, Object> payload) {
        if (!"created".equals(payload.get("action"))) {
            return new WebhookDecision.Ignored("only new comments are commands");
        }
        Map<?, ?> issue = object(payload, "issue");
        Map<?, ?> comment = object(payload, "comment");
        Map<?, ?> repository = object(payload, "repository");
        if (issue == null || comment == null || repository == null) {
            return new WebhookDecision.Malformed("an issue_comment payload needs 'issue', 'comment' and 'repository'");
        }
        if (!(issue.get("pull_request") instanceof Map<?, ?>)) {
            return new WebhookDecision.Ignored("the comment is on an issue, not a pull request");
        }
        String body = comment.get("body") instanceof String s ? s : null;
        Optional<Command> command = Command.parse(body);
        if (command.isEmpty()) {
            return new WebhookDecision.Ignored("the comment is not a command");
        }
        Object number = issue.get("number");
        Object commentId = comment.get("id");
        Object repo = repository.get("full_name");
        Object sender = comment.get("user") instanceof Map<?, ?> user ? user.get("login") : null;
        if (!(number instanceof Number n)
                || !(commentId instanceof Number id)
                || !(repo instanceof String name)
                || !(sender instanceof String login)) {
            return new WebhookDecision.Malformed(
                    "the payload lacks the issue number, comment id, repository name " + "or commenter");
        }
        String delivery = request.header("X-GitHub-Delivery").orElse("comment-" + id);
        return new WebhookDecision.Accepted(new CommandRequest(
                delivery, name, n.intValue(), id.longValue(), login, command.get(), Command.allowedDeletes(body)));
    }

    /** A pull request opened, pushed to or reopened: where its head is now, and a plan of it to queue. */
    private static WebhookDecision pullRequest(HttpRequest request, Map<String, Object> payload) {
        if (!Set.of("opened", "synchronize", "reopened").contains(payload.get("action"))) {
            return new WebhookDecision.Ignored("this pull_request action does not move the head");
        }
        Map<?, ?> pr = object(payload, "pull_request");
        Map<?, ?> repository = object(payload, "repository");
        if (pr == null
                || repository == null
                || !(repository.get("full_name") instanceof String name)
                || !(pr.get("number") instanceof Number number)
                || !(pr.get("head") instanceof Map<?, ?> head)
                || !(head.get("sha") instanceof String sha)
                || !sha.matches("[0-9a-f]{40}")) {
            return new WebhookDecision.Malformed("a pull_request payload needs its number, head SHA and repository");
        }
        Instant at;
        try {
            at = Instant.parse(String.valueOf(pr.get("updated_at")));
        } catch (DateTimeParseException e) {
            return new WebhookDecision.Malformed("a pull_request payload needs 'updated_at'");
        }
        String sender = object(payload, "sender") instanceof Map<?, ?> user && user.get("login") instanceof String l
                ? l
                : "(unknown)";
        String delivery = request.header("X-GitHub-Delivery").orElse("autoplan-" + sha);
        // Not for a stranger's pull request: each plan spends the token's API quota, and anyone can open many. A
        // reviewer's `esm plan` still plans it. (The association only decides what is free, never what is allowed.)
        boolean outsider = OUTSIDERS.contains(String.valueOf(pr.get("author_association")));
        return new WebhookDecision.HeadMoved(
                name,
                number.intValue(),
                sha,
                at,
                outsider
                        ? Optional.empty()
                        : Optional.of(CommandRequest.autoplan(delivery, name, number.intValue(), sender, sha, at)));
    }

    /** A push to the repository's default branch asks for a reconcile of that branch; other pushes are ignored. */
    private static WebhookDecision push(HttpRequest request, Map<String, Object> payload) {
        Map<?, ?> repository = object(payload, "repository");
        if (repository == null
                || !(repository.get("full_name") instanceof String name)
                || !(repository.get("default_branch") instanceof String branch)
                || !(payload.get("ref") instanceof String ref)) {
            return new WebhookDecision.Malformed("a push payload needs 'ref' and 'repository' with its default branch");
        }
        if (!ref.equals("refs/heads/" + branch)) {
            return new WebhookDecision.Ignored("a push to " + ref + ", not to the default branch");
        }
        if (Boolean.TRUE.equals(payload.get("deleted"))
                || !(payload.get("after") instanceof String after)
                || !after.matches("[0-9a-f]{40}")
                || after.matches("0{40}")) {
            return new WebhookDecision.Ignored("the push leaves no commit on the default branch");
        }
        String sender = object(payload, "sender") instanceof Map<?, ?> user && user.get("login") instanceof String l
                ? l
                : "(unknown)";
        String delivery = request.header("X-GitHub-Delivery").orElse("push-" + after);
        return new WebhookDecision.Accepted(CommandRequest.reconcile(delivery, name, sender, after));
    }

    /** JSON, or {@code payload=<url-encoded JSON>} when the webhook's content type is form-encoded. */
    static Map<String, Object> payload(HttpRequest request) {
        String contentType =
                request.header("Content-Type").orElse("application/json").toLowerCase(Locale.ROOT);
        byte[] body = request.body();
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            String form = new String(body, StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                if (pair.startsWith("payload=")) {
                    return Json.readObject(
                            URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8));
                }
            }
            throw new IllegalArgumentException("a form-encoded delivery needs a 'payload' field");
        }
        return Json.readObject(body);
    }

    private static Map<?, ?> object(Map<String, Object> payload, String name) {
        return payload.get(name) instanceof Map<?, ?> m ? m : null;
    }
}
