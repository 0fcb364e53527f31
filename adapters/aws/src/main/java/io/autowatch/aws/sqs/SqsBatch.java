package io.autowatch.aws.sqs;

import io.autowatch.json.Json;
import io.autowatch.log.Log;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SQS event a Lambda function is handed (a batch of {@code Records}) and the partial batch response it answers
 * ({@code batchItemFailures}): the messages named there are delivered again, the rest are deleted. The event source
 * mappings in {@code template.yaml} turn on {@code ReportBatchItemFailures}.
 */
public final class SqsBatch {

    private static final Log LOG = Log.of(SqsBatch.class);

    private SqsBatch() {}

    /** One queued message: its id (for the response) and its body. */
    public record Message(String id, String body) {}

    /** The batch's messages, in order; an event without records is an empty batch. */
    public static List<Message> read(byte[] event) {
        Object records = Json.readObject(event).get("Records");
        List<Message> messages = new ArrayList<>();
        for (Object item : records instanceof List<?> list ? list : List.of()) {
            Map<?, ?> record = item instanceof Map<?, ?> m ? m : Map.of();
            messages.add(new Message(String.valueOf(record.get("messageId")), String.valueOf(record.get("body"))));
        }
        return messages;
    }

    /**
     * Hands each message to {@code work} on its own: a message whose work throws is logged and delivered again, and
     * never stops the others.
     *
     * @param failureEvent the log line's event name for a failed message (the README's troubleshooting names it)
     * @return the ids of the messages that failed
     */
    public static List<String> eachOnItsOwn(List<Message> messages, String failureEvent, Consumer<String> work) {
        List<String> failed = new ArrayList<>();
        for (Message message : messages) {
            try {
                work.accept(message.body());
            } catch (RuntimeException e) {
                LOG.error(failureEvent, "messageId", message.id(), "error", e.toString());
                failed.add(message.id());
            }
        }
        return failed;
    }

    /** The partial batch response that sends {@code failedIds} back to the queue. */
    public static byte[] reply(List<String> failedIds) {
        List<Map<String, String>> failures =
                failedIds.stream().map(id -> Map.of("itemIdentifier", id)).toList();
        return Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8);
    }
}
