package io.autowatch.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Who a monitor tells, from the annotation's {@code notify}: a list of handles told of everything (as before), or an
 * object that names who is told at each level, {@code {"critical": ["@pagerduty-checkout"], "warning":
 * ["@slack-checkout"]}}, rendered into Datadog's conditional blocks so that a warning never pages.
 *
 * @param always   handles told of every state change (the flat list)
 * @param critical handles told when the monitor alerts, and when it recovers from alerting
 * @param warning  handles told when the monitor warns, and when it recovers from warning
 */
public record Routing(List<String> always, List<String> critical, List<String> warning) {

    public static final Routing NONE = new Routing(List.of(), List.of(), List.of());

    /** Handles Datadog turns into notifications: {@code @slack-channel}, {@code @pagerduty-Service}, an e-mail. */
    private static final Pattern HANDLE = Pattern.compile(
            "@(?:[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}|[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9.\\-]{1,190}\\.[A-Za-z]{2,24})");

    private static final int MAX_HANDLES = 20;

    public Routing {
        always = List.copyOf(always);
        critical = List.copyOf(critical);
        warning = List.copyOf(warning);
    }

    public static Routing always(List<String> handles) {
        return new Routing(handles, List.of(), List.of());
    }

    /** Whether {@code notify} was an object naming levels. */
    public boolean byLevel() {
        return !critical.isEmpty() || !warning.isEmpty();
    }

    static Routing parse(AnnotationFields fields, Consumer<String> error) {
        Object value = fields.raw("notify");
        if (!(value instanceof Map<?, ?> levels)) {
            return always(handles(fields.strings("notify", MAX_HANDLES), "notify", error));
        }
        AnnotationFields byLevel = new AnnotationFields(levels, message -> error.accept("'notify': " + message));
        byLevel.rejectUnknown(Set.of("critical", "warning"), "'notify' (the levels are critical and warning)");
        List<String> critical = handles(byLevel.strings("critical", MAX_HANDLES), "notify.critical", error);
        List<String> warning = handles(byLevel.strings("warning", MAX_HANDLES), "notify.warning", error);
        if (critical.isEmpty()) {
            error.accept("'notify' names nobody at the 'critical' level, so an alert would tell no one; write "
                    + "{\"critical\": [\"@pagerduty-service\"], \"warning\": [\"@slack-channel\"]}");
        }
        return new Routing(List.of(), critical, warning);
    }

    private static List<String> handles(List<String> given, String name, Consumer<String> error) {
        List<String> result = new ArrayList<>();
        for (String handle : given) {
            if (HANDLE.matcher(handle).matches()) {
                result.add(handle);
            } else {
                error.accept("'" + name + "' has '" + handle + "', which Datadog would not read as a handle: "
                        + "write @slack-channel, @pagerduty-service, @team-handle or @someone@example.com");
            }
        }
        return result;
    }

    /**
     * The message's notification part, as Datadog documents its conditional variables: {@code {{#is_alert}}} and
     * {@code {{#is_alert_recovery}}} for the critical level, {@code {{#is_warning}}} and
     * {@code {{#is_warning_recovery}}} for the warning level. A flat list is written as it always was.
     */
    String render() {
        if (!byLevel()) {
            return always.isEmpty() ? "" : "\n\n" + String.join(" ", always);
        }
        StringBuilder out = new StringBuilder("\n");
        if (!critical.isEmpty()) {
            String who = String.join(" ", critical);
            // No data is the critical level's too: a low-volume monitor's loudest case is no events at all.
            out.append("\n{{#is_alert}}")
                    .append(who)
                    .append("{{/is_alert}}")
                    .append("{{#is_alert_recovery}}")
                    .append(who)
                    .append("{{/is_alert_recovery}}")
                    .append("{{#is_no_data}}")
                    .append(who)
                    .append("{{/is_no_data}}")
                    .append("{{#is_no_data_recovery}}")
                    .append(who)
                    .append("{{/is_no_data_recovery}}");
        }
        if (!warning.isEmpty()) {
            String who = String.join(" ", warning);
            out.append("\n{{#is_warning}}")
                    .append(who)
                    .append("{{/is_warning}}")
                    .append("{{#is_warning_recovery}}")
                    .append(who)
                    .append("{{/is_warning_recovery}}");
        }
        return out.toString();
    }
}
