package io.autowatch.health.alert;

import io.autowatch.json.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body for the paging topic, shaped as an Amazon CloudWatch alarm notification so that PagerDuty's Amazon
 * CloudWatch integration, subscribed to the topic over HTTPS, reads it as it is: {@code NewStateValue} ALARM
 * triggers an incident, OK resolves it, and {@code AlarmName} (one per job) is the key that ties them together,
 * so a job has at most one open incident however many days it alerts.
 */
public final class PagingMessage {

    private static final DateTimeFormatter CLOUDWATCH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private PagingMessage() {}

    /** The alarm name of a job: stable, so that every notice about the job lands on the same incident. */
    public static String alarmName(io.autowatch.counts.JobId job) {
        return "autowatch job health: " + job.value();
    }

    /**
     * @param region  the AWS region the check runs in
     * @param account the AWS account id that owns the topic
     */
    public static String render(Notification notification, String region, String account) {
        boolean alarm = notification instanceof Notification.Alert;
        String name = alarmName(notification.job());

        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("MetricName", "count");
        trigger.put("Namespace", "autowatch/jobs");
        trigger.put("StatisticType", "Statistic");
        trigger.put("Statistic", "SUM");
        trigger.put("Unit", null);
        trigger.put(
                "Dimensions",
                List.of(Map.of("name", "job", "value", notification.job().value())));
        trigger.put("Period", 86400);
        trigger.put("EvaluationPeriods", 1);
        trigger.put("ComparisonOperator", "LessThanLowerOrGreaterThanUpperThreshold");
        trigger.put("TreatMissingData", "breaching");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AlarmName", name);
        body.put(
                "AlarmDescription",
                AlertText.title(notification) + ". " + String.join(". ", AlertText.nextSteps(notification)));
        body.put("AWSAccountId", account);
        body.put("AlarmConfigurationUpdatedTimestamp", CLOUDWATCH_TIME.format(notification.decidedAt()));
        body.put("NewStateValue", alarm ? "ALARM" : "OK");
        body.put(
                "NewStateReason",
                AlertText.summary(notification) + " " + String.join("; ", AlertText.details(notification)));
        body.put("StateChangeTime", CLOUDWATCH_TIME.format(notification.decidedAt()));
        body.put("Region", region);
        body.put("AlarmArn", "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name);
        body.put("OldStateValue", alarm ? "OK" : "ALARM");
        body.put("OKActions", List.of());
        body.put("AlarmActions", List.of());
        body.put("InsufficientDataActions", List.of());
        body.put("Trigger", trigger);
        body.put(
                "autowatch",
                Map.of(
                        "job", notification.job().value(),
                        "day", notification.day().toString(),
                        "status", notification.status().name(),
                        "severity", notification.severity().wireName(),
                        "count", notification.assessment().count()));
        return Json.write(body);
    }

    /** The SNS subject: ASCII only and under 100 characters, as SNS requires; PagerDuty shows it as the title. */
    public static String subject(Notification notification) {
        String state = notification instanceof Notification.Alert ? "ALARM" : "OK";
        String text = state + ": \"" + alarmName(notification.job()) + "\" " + notification.day();
        String ascii = text.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= 99 ? ascii : ascii.substring(0, 98) + "~";
    }
}
