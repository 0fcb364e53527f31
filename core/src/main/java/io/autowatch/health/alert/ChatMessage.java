package io.autowatch.health.alert;

import io.autowatch.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body for the chat topic: AWS Chatbot's custom-notification JSON ({@code version} 1.0, {@code source}
 * {@code custom}), which Chatbot renders in Slack or Teams as it is. Notifications of one job share a
 * {@code threadId}, so that Slack threads an alert and its recovery.
 */
public final class ChatMessage {

    private ChatMessage() {}

    public static String render(Notification notification) {
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
        content.put("title", icon + " " + AlertText.title(notification));
        content.put("description", description.toString());
        content.put("nextSteps", AlertText.nextSteps(notification));
        content.put(
                "keywords",
                List.of(
                        "autowatch",
                        notification.status().name(),
                        notification.severity().wireName(),
                        notification.job().value()));

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("threadId", "autowatch/" + notification.job().value());
        metadata.put("summary", AlertText.title(notification));
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
