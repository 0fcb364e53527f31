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
        accept(JobId.of(job), day, item, from, days, series, rejected);
    }

    /** As above, for an item of {@code job} read by its key (the item need not carry the job again). */
    static void accept(
            JobId job,
            LocalDate day,
            Map<String, AttributeValue> item,
            LocalDate from,
            int days,
            Map<JobId, CountSeries> series,
            List<RejectedCount> rejected) {
        AttributeValue count = item.get("count");
        CountValue.Parsed parsed = count == null
                ? new CountValue.Invalid("the item has no 'count' attribute")
                : count.n() != null
                        ? CountValue.parseNumber(count.n())
                        : new CountValue.Invalid("count is stored as " + describeType(count) + ", not as a Number");
        switch (parsed) {
            case CountValue.Valid v ->
                series.computeIfAbsent(job, j -> CountSeries.covering(from, days))
                        .put(day, v.count());
            case CountValue.Invalid i -> rejected.add(new RejectedCount(job.value(), day.toString(), i.reason()));
        }
    }

    /**
     * The day an item's sort key names: {@code LocalDate.parse} of it, without the general parser's cost for the
     * usual {@code YYYY-MM-DD} (a run parses every item it reads).
     *
     * @throws java.time.DateTimeException when it is not a day, as {@code LocalDate.parse} would
     */
    static LocalDate day(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The number the ASCII digits {@code text[from, to)} spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
