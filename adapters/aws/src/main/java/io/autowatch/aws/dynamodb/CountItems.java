package io.autowatch.aws.dynamodb;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.CountValue;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CountsReader.RejectedCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The counts table's items turned into counts: a valid count joins its job's series, anything else is rejected. */
final class CountItems {

    private CountItems() {}

    /**
     * Adds the item (of {@code day}) to its job's series covering {@code days} days from {@code from}, or to
     * {@code rejected} with the reason when it is not a valid count.
     */
    static void accept(
            LocalDate day,
            Map<String, AttributeValue> item,
            LocalDate from,
            int days,
            Map<JobId, CountSeries> series,
            List<RejectedCount> rejected) {
        String job = item.get("job").s();
        if (!JobId.isValid(job)) {
            rejected.add(new RejectedCount(job, day.toString(), invalidJobReason(job)));
            return;
        }
        AttributeValue count = item.get("count");
        CountValue.Parsed parsed = count == null
                ? new CountValue.Invalid("the item has no 'count' attribute")
                : count.n() != null
                        ? CountValue.parseNumber(count.n())
                        : new CountValue.Invalid("count is stored as " + describeType(count) + ", not as a Number");
        switch (parsed) {
            case CountValue.Valid v ->
                series.computeIfAbsent(JobId.of(job), j -> CountSeries.covering(from, days))
                        .put(day, v.count());
            case CountValue.Invalid i -> rejected.add(new RejectedCount(job, day.toString(), i.reason()));
        }
    }

    private static String invalidJobReason(String job) {
        try {
            JobId.of(job);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String describeType(AttributeValue value) {
        return switch (value.type()) {
            case S -> "a String ('" + value.s() + "')";
            case BOOL -> "a Boolean";
            case NUL -> "null";
            default -> "type " + value.type();
        };
    }
}
