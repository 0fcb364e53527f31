package io.autowatch.functions.healthcheck;

import io.autowatch.healthcheck.view.OnCallView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the event CloudWatch hands a custom widget: {@code describe} asks for the widget's documentation; otherwise
 * the dashboard's time range ({@code widgetContext.timeRange}), the widget's width, and a job from the page's own
 * link ({@code job}) or form ({@code widgetContext.forms.all.job}).
 */
final class WidgetRequests {

    static final String DESCRIPTION = "## autowatch on call\n\nLists the open incidents, critical first; a job's link "
            + "draws its counts and what the policy expected over the dashboard's time range. Parameters: `job` "
            + "(optional) opens that job's chart.";

    private WidgetRequests() {}

    /** True when CloudWatch asks for the widget's documentation instead of its content. */
    static boolean describe(Map<String, Object> event) {
        return Boolean.TRUE.equals(event.get("describe"));
    }

    @SuppressWarnings("unchecked")
    static OnCallView.Request request(Map<String, Object> event) {
        Map<String, Object> context =
                event.get("widgetContext") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Optional<String> job = text(event.get("job"));
        if (context.get("forms") instanceof Map<?, ?> forms && forms.get("all") instanceof Map<?, ?> all) {
            job = text(all.get("job")).or(() -> text(event.get("job")));
        }
        if ("incidents".equals(event.get("view"))) {
            job = Optional.empty();
        }
        Optional<LocalDate> from = Optional.empty();
        Optional<LocalDate> to = Optional.empty();
        if (context.get("timeRange") instanceof Map<?, ?> range) {
            from = day(range.get("start"));
            to = day(range.get("end"));
            // A dashboard's usual hours-long range holds no daily counts to speak of: draw the last 90 days then.
            if (from.isPresent() && to.isPresent() && from.get().plusDays(14).isAfter(to.get())) {
                from = Optional.empty();
                to = Optional.empty();
            }
        }
        int width = context.get("width") instanceof Number w ? Math.max(320, Math.min(4000, w.intValue())) : 900;
        return new OnCallView.Request(job, from, to, width);
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static Optional<LocalDate> day(Object epochMillis) {
        return epochMillis instanceof Number n
                ? Optional.of(Instant.ofEpochMilli(n.longValue())
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate())
                : Optional.empty();
    }
}
