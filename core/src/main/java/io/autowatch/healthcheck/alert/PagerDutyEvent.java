package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import io.autowatch.json.Json;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body for PagerDuty's Events API v2 ({@code POST https://events.pagerduty.com/v2/enqueue}), without its
 * {@code routing_key}: the deployment's relay function adds that from Secrets Manager, so the key is never
 * in a message, a queue or a log. An alert is a {@code trigger} and a recovery a {@code resolve}, both with the
 * job's {@code dedup_key}, so a job has at most one open incident and its recovery resolves it.
 */
public final class PagerDutyEvent {

    /** PagerDuty's limits: {@code payload.summary} 1,024 characters, {@code dedup_key} 255. */
    public static final int MAX_SUMMARY = 1024;

    public static final int MAX_DEDUP_KEY = 255;

    private PagerDutyEvent() {}

    /** The job's key: a job id is at most 200 characters, so this fits in 255. */
    public static String dedupKey(JobId job) {
        String key = "autowatch/" + job.value();
        return key.length() <= MAX_DEDUP_KEY ? key : key.substring(0, MAX_DEDUP_KEY);
    }

    public static String render(Notification notification, String source, AlertLinks links) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_action", notification instanceof Notification.Alert ? "trigger" : "resolve");
        body.put("dedup_key", dedupKey(notification.job()));
        if (notification instanceof Notification.Alert) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("job", notification.job().value());
            details.put("day", notification.day().toString());
            details.put("status", notification.status().name());
            details.put("count", notification.assessment().count());
            details.put("policy", notification.assessment().policy());
            details.put("summary", AlertText.summary(notification));
            details.put("details", AlertText.details(notification));
            details.put("next steps", AlertText.nextSteps(notification));

            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", cut(AlertText.title(notification) + ": " + withoutJob(notification)));
            payload.put("source", source);
            payload.put("severity", "critical");
            payload.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(notification.decidedAt()));
            payload.put("component", notification.job().value());
            payload.put("group", "autowatch job health");
            payload.put("class", notification.status().name());
            payload.put("custom_details", details);
            body.put("payload", payload);
            body.put("client", "autowatch");
            links.chart(notification.job()).ifPresent(url -> {
                body.put("client_url", url);
                body.put("links", List.of(Map.of("href", url, "text", "The job's chart")));
            });
        }
        return Json.write(body);
    }

    /** A retired job's incident resolved. */
    public static String render(Retirement retirement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_action", "resolve");
        body.put("dedup_key", dedupKey(retirement.job()));
        return Json.write(body);
    }

    /** The summary after the title, which already names the job and the day: "counted nothing on …", "Counted 380, …". */
    static String withoutJob(Notification notification) {
        String summary = AlertText.summary(notification);
        String job = notification.job().value();
        if (!summary.startsWith(job)) {
            return summary;
        }
        String rest = summary.substring(job.length());
        String onDay = " on " + notification.day() + ": ";
        return (rest.startsWith(onDay) ? rest.substring(onDay.length()) : rest).strip();
    }

    private static String cut(String text) {
        return AlertText.cut(text, MAX_SUMMARY);
    }
}
