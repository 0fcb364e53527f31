package io.autowatch.aws.streams;

import io.autowatch.counts.JobId;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts table's change stream as a Lambda function is handed it (a batch of {@code Records}, keys only), and
 * the partial batch response it answers ({@code batchItemFailures}, by sequence number). The event source mapping
 * in {@code template.yaml} passes only {@code INSERT} records, a job's first count of a day; any other is ignored
 * here too.
 */
public final class CountsStream {

    private static final Log LOG = Log.of(CountsStream.class);

    private CountsStream() {}

    /** A batch: the latest day each valid job inserted, and the first record's sequence number (to retry from). */
    public record Batch(Map<JobId, LocalDate> latest, String firstSequenceNumber, int records) {}

    public static Batch read(byte[] event) {
        Object records = Json.readObject(event).get("Records");
        Map<JobId, LocalDate> latest = new HashMap<>();
        String first = null;
        int count = 0;
        for (Object item : records instanceof List<?> list ? list : List.of()) {
            count++;
            Map<?, ?> record = item instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> change = record.get("dynamodb") instanceof Map<?, ?> d ? d : Map.of();
            if (first == null && change.get("SequenceNumber") instanceof String sequence) {
                first = sequence;
            }
            if (!"INSERT".equals(record.get("eventName"))) {
                continue;
            }
            Map<?, ?> keys = change.get("Keys") instanceof Map<?, ?> k ? k : Map.of();
            String job = string(keys.get("job"));
            String day = string(keys.get("day"));
            if (job == null || day == null || !JobId.isValid(job)) {
                // Not a count the health check can judge: the whole-run read reports it, naming the item.
                LOG.warn("registry_record_skipped", "job", String.valueOf(job), "day", String.valueOf(day));
                continue;
            }
            try {
                latest.merge(JobId.of(job), LocalDate.parse(day), (a, b) -> a.isAfter(b) ? a : b);
            } catch (DateTimeParseException e) {
                LOG.warn("registry_record_skipped", "job", job, "day", day);
            }
        }
        return new Batch(latest, first, count);
    }

    /** The response: nothing failed, or retry the whole batch from its first record (recording is idempotent). */
    public static byte[] reply(boolean failed, Batch batch) {
        List<Map<String, Object>> failures = failed && batch.firstSequenceNumber() != null
                ? List.of(Map.of("itemIdentifier", batch.firstSequenceNumber()))
                : List.of();
        return Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8);
    }

    private static String string(Object attribute) {
        return attribute instanceof Map<?, ?> value && value.get("S") instanceof String s ? s : null;
    }
}
