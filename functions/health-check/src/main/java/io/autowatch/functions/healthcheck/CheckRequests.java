package io.autowatch.functions.healthcheck;

import io.autowatch.counts.JobId;
import io.autowatch.digest.Sha256;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.Shard;
import io.autowatch.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the invocation event into a {@link CheckRequest} (README, "The health check"). A standard Scheduled Event checks the day
 * before its {@code time}; {@code detail.day} checks that day; {@code detail.jobs} limits the run. Anything malformed
 * is refused with a message that names the field, before anything is read or published.
 */
final class CheckRequests {

    private CheckRequests() {}

    static CheckRequest parse(byte[] event, Instant now) {
        return parse(Json.readObject(event), event, now);
    }

    /** @param root the event, already read as JSON; {@code event} its bytes, for the digest of an event with no id */
    static CheckRequest parse(Map<String, Object> root, byte[] event, Instant now) {
        CheckRequest request = request(root, now).asRun(runOf(root, event));
        Object detail = root.get("detail");
        return detail instanceof Map<?, ?> d && d.containsKey("shard")
                ? request.inShard(shard(d.get("shard")))
                : request;
    }

    /** {@code detail.shard}: {"index": i, "count": n}, the part of the jobs one worker of a sharded run checks. */
    static Shard shard(Object value) {
        if (value instanceof Map<?, ?> shard
                && shard.get("index") instanceof Number index
                && shard.get("count") instanceof Number count
                && index.doubleValue() == index.intValue()
                && count.doubleValue() == count.intValue()) {
            try {
                return new Shard(index.intValue(), count.intValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'detail.shard': " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(
                "'detail.shard' must be {\"index\": i, \"count\": n} with whole numbers, got " + Json.describe(value));
    }

    /**
     * The event's {@code id} (EventBridge and the template's schedule set one), else a digest of the event: Lambda
     * retries an asynchronous invocation with the same event, so either names one invocation across its retries.
     */
    static String runOf(Map<String, Object> root, byte[] event) {
        if (root.get("id") instanceof String id && !id.isBlank() && id.length() <= 200) {
            return "event:" + id;
        }
        // The first 16 bytes of the digest.
        return "digest:" + Sha256.hex(event).substring(0, 32);
    }

    private static CheckRequest request(Map<String, Object> root, Instant now) {
        Object detailValue = root.getOrDefault("detail", Map.of());
        if (!(detailValue instanceof Map<?, ?> detail)) {
            throw new IllegalArgumentException("'detail' must be an object, got " + Json.describe(detailValue));
        }
        Instant time = root.containsKey("time") ? time(root.get("time")) : now;
        Set<JobId> jobs = jobs(detail.get("jobs"));
        Object day = detail.get("day");
        if (day == null) {
            if (!root.containsKey("time")) {
                throw new IllegalArgumentException("the event has neither 'time' (a scheduled event) nor "
                        + "'detail.day' (a manual run, e.g. {\"detail\": {\"day\": \"2026-11-20\"}})");
            }
            if (!jobs.isEmpty()) {
                return new CheckRequest(time, Optional.empty(), jobs);
            }
            return CheckRequest.scheduled(time);
        }
        LocalDate checked = day(day);
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (checked.isAfter(today)) {
            throw new IllegalArgumentException(
                    "'detail.day' " + checked + " is in the future; the check judges " + "days that have ended");
        }
        // Today has not ended: every job would look short. Only a job that finished its day's work may ask for
        // today (its own check, with its name), as the Job Finished rule does.
        if (checked.equals(today) && jobs.isEmpty()) {
            throw new IllegalArgumentException("'detail.day' " + checked + " is today (UTC), which has not ended: a "
                    + "run over every job judges days that have ended; a job that finished its day's work may ask "
                    + "for its own check with \"jobs\": [\"<job>\"]");
        }
        return CheckRequest.forDay(time, checked, jobs);
    }

    private static Instant time(Object value) {
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'time' must be an ISO-8601 instant such as " + "2026-11-21T00:30:00Z, got '" + text + "'", e);
            }
        }
        throw new IllegalArgumentException("'time' must be a string, got " + Json.describe(value));
    }

    private static LocalDate day(Object value) {
        if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'detail.day' is not a calendar date: '" + text + "'", e);
            }
        }
        throw new IllegalArgumentException("'detail.day' must be a date written YYYY-MM-DD, got "
                + (value instanceof String s ? "'" + s + "'" : Json.describe(value)));
    }

    private static Set<JobId> jobs(Object value) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("'detail.jobs' must be a non-empty list of job ids");
        }
        return jobIds(list, "detail.jobs");
    }

    /** The list's job ids, in order, once each; anything else in it is refused naming {@code field}. */
    static Set<JobId> jobIds(List<?> list, String field) {
        Set<JobId> jobs = new LinkedHashSet<>();
        for (Object job : list) {
            if (!(job instanceof String text)) {
                throw new IllegalArgumentException("'" + field + "' must hold strings, got " + Json.describe(job));
            }
            try {
                jobs.add(JobId.of(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + field + "': " + e.getMessage(), e);
            }
        }
        return jobs;
    }
}
