package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body for the paging topic, field for field what Amazon CloudWatch publishes when a single-metric alarm with a
 * static threshold changes state, so that PagerDuty's Amazon CloudWatch integration, subscribed to the topic over
 * HTTPS, reads it as it reads a real alarm: {@code NewStateValue} ALARM triggers an incident, OK resolves it, and
 * PagerDuty correlates by {@code AlarmName} (one per job), so a job has at most one open incident however many days
 * it alerts. The incident is named from {@code AlarmDescription} when the service is set to derive it from there.
 */
public final class PagingMessage {

    /** CloudWatch's limit on an alarm description. */
    public static final int MAX_DESCRIPTION = 1024;

    private static final DateTimeFormatter CLOUDWATCH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATAPOINT_TIME = DateTimeFormatter.ofPattern("dd/MM/yy", Locale.ROOT);

    private PagingMessage() {}

    /** The alarm name of a job: stable, so that every notice about the job lands on the same incident. */
    public static String alarmName(JobId job) {
        return "autowatch job health: " + job.value();
    }

    /**
     * @param region     the AWS region the check runs in
     * @param pagingTopicArn the topic the body is published to: its account is the alarm's, and it is the alarm's
     *                   action, as in a real alarm
     */
    public static String render(Notification notification, String region, String pagingTopicArn) {
        boolean alarm = notification instanceof Notification.Alert;
        Threshold threshold = Threshold.of(notification.assessment());
        return body(
                notification.job(),
                description(notification),
                alarm,
                reason(notification, threshold, alarm),
                notification.decidedAt(),
                threshold,
                region,
                pagingTopicArn);
    }

    /** A retired job's incident resolved: an OK notification with the same alarm name, saying who retired it. */
    public static String render(Retirement retirement, String region, String pagingTopicArn) {
        String text = cut(AlertText.sentences(retirement.title(), List.of(retirement.summary())));
        return body(
                retirement.job(),
                text,
                false,
                "Retired: " + retirement.summary(),
                retirement.decidedAt(),
                new Threshold("LessThanOrEqualToThreshold", 0, "less than or equal to"),
                region,
                pagingTopicArn);
    }

    private static String body(
            JobId job,
            String description,
            boolean alarm,
            String reason,
            Instant at,
            Threshold threshold,
            String region,
            String pagingTopicArn) {
        String name = alarmName(job);
        String account = account(pagingTopicArn);

        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("MetricName", "count");
        trigger.put("Namespace", "autowatch/jobs");
        trigger.put("StatisticType", "Statistic");
        trigger.put("Statistic", "SUM");
        trigger.put("Unit", null);
        trigger.put("Dimensions", List.of(ordered("value", job.value(), "name", "job")));
        trigger.put("Period", 86400);
        trigger.put("EvaluationPeriods", 1);
        trigger.put("ComparisonOperator", threshold.operator());
        trigger.put("Threshold", threshold.value());
        trigger.put("TreatMissingData", "breaching");
        trigger.put("EvaluateLowSampleCountPercentile", "");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AlarmName", name);
        body.put("AlarmDescription", description);
        body.put("AWSAccountId", account);
        body.put("AlarmConfigurationUpdatedTimestamp", CLOUDWATCH_TIME.format(at));
        body.put("NewStateValue", alarm ? "ALARM" : "OK");
        body.put("NewStateReason", reason);
        body.put("StateChangeTime", CLOUDWATCH_TIME.format(at));
        body.put("Region", AwsRegionNames.of(region));
        body.put("AlarmArn", "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name);
        body.put("OldStateValue", alarm ? "OK" : "ALARM");
        body.put("OKActions", List.of(pagingTopicArn));
        body.put("AlarmActions", List.of(pagingTopicArn));
        body.put("InsufficientDataActions", List.of());
        body.put("Trigger", trigger);
        // A real notification writes "Unit": null; a parser may look for the key.
        return Json.writeKeepingNulls(body);
    }

    /**
     * The SNS subject as CloudWatch writes it ({@code ALARM: "name" in US East (N. Virginia)}): ASCII only and under
     * 100 characters, as SNS requires, a long name cut with "...". PagerDuty reads the body, not the subject.
     */
    public static String subject(Notification notification, String region) {
        return subject(notification.job(), notification instanceof Notification.Alert ? "ALARM" : "OK", region);
    }

    public static String subject(Retirement retirement, String region) {
        return subject(retirement.job(), "OK", region);
    }

    private static String subject(JobId job, String state, String region) {
        String suffix = "\" in " + AwsRegionNames.of(region);
        String name = alarmName(job).replaceAll("[^\\x20-\\x7E]", "?");
        int room = 99 - state.length() - 3 - suffix.length();
        if (name.length() > room) {
            name = name.substring(0, Math.max(0, room - 3)) + "...";
        }
        return state + ": \"" + name + suffix;
    }

    /** The title and what to check, as whole sentences; PagerDuty can name the incident from it. */
    static String description(Notification notification) {
        return cut(AlertText.sentences(AlertText.title(notification), AlertText.nextSteps(notification)));
    }

    private static String cut(String text) {
        return AlertText.cut(text, MAX_DESCRIPTION);
    }

    private static String reason(Notification notification, Threshold threshold, boolean alarm) {
        Assessment a = notification.assessment();
        String datapoint = "1 datapoint [" + (double) a.count() + " (" + DATAPOINT_TIME.format(a.day())
                + " 00:00:00)] was " + (alarm ? "" : "not ") + threshold.words() + " the threshold ("
                + threshold.value() + ").";
        return "Threshold Crossed: " + datapoint + " " + AlertText.summary(notification) + " "
                + String.join("; ", AlertText.details(notification));
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** The account id in a topic ARN ({@code arn:aws:sns:region:account:name}). */
    static String account(String topicArn) {
        String[] parts = topicArn.split(":");
        return parts.length >= 6 ? parts[4] : "000000000000";
    }

    /** The static threshold the day crossed: below the lowest quiet count, or above the highest. */
    private record Threshold(String operator, double value, String words) {
        static Threshold of(Assessment a) {
            long low = AlertText.quietLow(a);
            long high = AlertText.quietHigh(a);
            if (a.count() > high) {
                return new Threshold("GreaterThanThreshold", high, "greater than");
            }
            if (low == 0) {
                return new Threshold("LessThanOrEqualToThreshold", 0, "less than or equal to");
            }
            return new Threshold("LessThanThreshold", low, "less than");
        }
    }
}
