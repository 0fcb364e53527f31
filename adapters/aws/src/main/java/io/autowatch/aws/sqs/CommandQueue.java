package io.autowatch.aws.sqs;

import io.autowatch.json.Json;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS FIFO queue between the webhook (which must answer GitHub within 10 seconds) and the worker. The message
 * group is the repository ({@link CommandRequest#group}), so a repository's commands run one at a time and in order;
 * the de-duplication id is the command's own key ({@link CommandRequest#onceKey}), so a redelivery is applied once.
 */
public final class CommandQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public CommandQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void enqueue(CommandRequest command) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(write(command))
                .messageGroupId(sqsId(command.group()))
                .messageDeduplicationId(sqsId(command.onceKey())));
    }

    public static String write(CommandRequest c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", c.deliveryId());
        body.put("repository", c.repository());
        body.put("pullRequest", c.pullRequest());
        body.put("commentId", c.commentId());
        body.put("sender", c.sender());
        body.put("command", c.command().name().toLowerCase(Locale.ROOT));
        body.put("allowDeletes", c.allowDeletes());
        c.commit().ifPresent(sha -> body.put("commit", sha));
        c.headSeenAt().ifPresent(at -> body.put("headSeenAt", at.toString()));
        c.overLimit().ifPresent(why -> body.put("overLimit", why));
        return Json.write(body);
    }

    public static CommandRequest read(String json) {
        Map<String, Object> body = Json.readObject(json);
        try {
            return new CommandRequest(
                    (String) body.get("deliveryId"),
                    (String) body.get("repository"),
                    ((Number) body.get("pullRequest")).intValue(),
                    ((Number) body.get("commentId")).longValue(),
                    (String) body.get("sender"),
                    Command.valueOf(((String) body.get("command")).toUpperCase(Locale.ROOT)),
                    body.get("allowDeletes") instanceof Number n ? n.intValue() : 0,
                    Optional.ofNullable((String) body.get("commit")),
                    Optional.ofNullable((String) body.get("headSeenAt")).map(Instant::parse),
                    Optional.ofNullable((String) body.get("overLimit")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a queued command: " + e.getMessage(), e);
        }
    }

    /** SQS ids allow 128 printable ASCII characters; anything else becomes '_'. */
    static String sqsId(String text) {
        String clean = text.replaceAll("[^\\x21-\\x7E]", "_");
        return clean.length() <= 128 ? clean : clean.substring(0, 128);
    }
}
