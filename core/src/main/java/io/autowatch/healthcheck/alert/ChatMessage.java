package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import io.autowatch.json.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body for the chat topic: AWS Chatbot's custom-notification JSON ({@code version} 1.0, {@code source}
 * {@code custom}), which Chatbot renders in Slack or Teams as it is. The notices of one incident (its alerts and
 * its recovery) share a {@code threadId}, {@code autowatch/<job>/<first day>}, so that Slack threads them when the
 * channel lets Chatbot post updates in a thread; the next incident of the job starts a thread of its own.
 */
public final class ChatMessage {

    /** Chatbot's limits on a custom notification's fields, in characters (longer ones are refused). */
    public static final int MAX_TITLE = 250;

    public static final int MAX_DESCRIPTION = 8_000;
    public static final int MAX_NEXT_STEP = 350;
    public static final int MAX_KEYWORD = 75;

    private ChatMessage() {}

    /** A retired job's incident resolved, in the incident's thread. */
    public static String render(Retirement retirement) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("textType", "client-markdown");
        content.put("title", slack(":white_circle: " + retirement.title(), MAX_TITLE));
        content.put("description", slack(retirement.summary(), MAX_DESCRIPTION));
        content.put(
                "nextSteps",
                List.of(slack(
                        "Nothing to do. If the job should run again, its first count brings it back under the check.",
                        MAX_NEXT_STEP)));
        content.put(
                "keywords",
                List.of(
                        "autowatch",
                        "RETIRED",
                        retirement.incident().severity().wireName(),
                        slack(retirement.job().value(), MAX_KEYWORD)));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(
                "threadId", threadId(retirement.job(), retirement.incident().openedDay()));
        metadata.put("summary", slack(retirement.title(), MAX_TITLE));
        metadata.put("eventType", "JobRetired");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("source", "custom");
        body.put("id", retirement.job().value() + "/" + retirement.day() + "/JobRetired");
        body.put("content", content);
        body.put("metadata", metadata);
        return Json.write(body);
    }

    /** At most this many failed jobs are listed by name; the run's log lines list them all. */
    static final int FAILURES_LISTED = 25;

    /** One message for the run's failed jobs: which job, which day, why, and what to do about it. */
    public static String render(FailedJobs failed) {
        int n = failed.failures().size();
        StringBuilder description = new StringBuilder();
        for (FailedJobs.Failure f : failed.failures().subList(0, Math.min(n, FAILURES_LISTED))) {
            description
                    .append("• ")
                    .append(f.job())
                    .append(" on ")
                    .append(f.day())
                    .append(": ")
                    .append(f.reason())
                    .append('\n');
        }
        if (n > FAILURES_LISTED) {
            description.append("… and ").append(n - FAILURES_LISTED).append(" more.\n");
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("textType", "client-markdown");
        content.put(
                "title",
                slack(
                        ":warning: autowatch could not check " + n + (n == 1 ? " job" : " jobs") + " (" + failed.run()
                                + ")",
                        MAX_TITLE));
        content.put("description", slack(description.toString(), MAX_DESCRIPTION));
        content.put(
                "nextSteps",
                List.of(
                        slack(
                                "Each line names what to fix: the job's count, its settings item in the health table, "
                                        + "or (for a publish that failed) nothing, since the next run tries again.",
                                MAX_NEXT_STEP),
                        slack(
                                "The run's job_failed log lines in the health check's log group list every job.",
                                MAX_NEXT_STEP)));
        content.put("keywords", List.of("autowatch", "FAILED"));

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("summary", slack("autowatch could not check " + n + (n == 1 ? " job" : " jobs"), MAX_TITLE));
        metadata.put("eventType", "JobsFailed");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("source", "custom");
        body.put("content", content);
        body.put("metadata", metadata);
        return Json.write(body);
    }

    /** One thread per incident: the job and the incident's first day. */
    public static String threadId(Notification notification) {
        return threadId(notification.job(), notification.incidentOpened());
    }

    private static String threadId(JobId job, LocalDate incidentOpened) {
        return "autowatch/" + job.value() + "/" + incidentOpened;
    }

    /**
     * Text for Slack's mrkdwn: {@code &}, {@code <} and {@code >} escaped as Slack documents, so a job id such as
     * {@code <!channel>} or {@code <@U123>} never pings anyone; then cut to {@code max} characters.
     */
    static String slack(String text, int max) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return AlertText.cut(escaped, max);
    }

    public static String render(Notification notification) {
        return render(notification, AlertLinks.none());
    }

    public static String render(Notification notification, AlertLinks links) {
        String icon =
                switch (notification) {
                    case Notification.Recovery r -> ":large_green_circle:";
                    case Notification.Alert a ->
                        switch (a.status()) {
                            case ZERO -> ":large_blue_circle:";
                            default -> ":red_circle:";
                        };
                };
        StringBuilder description = new StringBuilder(AlertText.summary(notification)).append('\n');
        for (String line : AlertText.details(notification)) {
            description.append("\n• ").append(line);
        }

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("textType", "client-markdown");
        content.put("title", slack(icon + " " + AlertText.title(notification), MAX_TITLE));
        content.put("description", slack(description.toString(), MAX_DESCRIPTION));
        List<String> steps = new ArrayList<>(AlertText.nextSteps(notification).stream()
                .map(step -> slack(step, MAX_NEXT_STEP))
                .toList());
        // A configured address with the job URL-encoded: nothing in it for Slack to read as a control sequence.
        links.chart(notification.job())
                .filter(url -> url.length() <= MAX_NEXT_STEP - 30)
                .ifPresent(url -> steps.add("Open the job's chart: " + url));
        content.put("nextSteps", steps);
        content.put(
                "keywords",
                List.of(
                        "autowatch",
                        notification.status().name(),
                        notification.severity().wireName(),
                        slack(notification.job().value(), MAX_KEYWORD)));

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("threadId", threadId(notification));
        metadata.put("summary", slack(AlertText.title(notification), MAX_TITLE));
        metadata.put("eventType", notification instanceof Notification.Recovery ? "JobRecovered" : "JobAlert");
        metadata.put(
                "additionalContext",
                Map.of(
                        "job", notification.job().value(),
                        "day", notification.day().toString(),
                        "status", notification.status().name(),
                        "severity", notification.severity().wireName()));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("source", "custom");
        body.put("id", notification.job().value() + "/" + notification.day() + "/" + metadata.get("eventType"));
        body.put("content", content);
        body.put("metadata", metadata);
        return Json.write(body);
    }
}
