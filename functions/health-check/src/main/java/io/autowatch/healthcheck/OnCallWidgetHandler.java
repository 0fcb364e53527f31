package io.autowatch.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.aws.AwsClients;
import io.autowatch.aws.dynamodb.DynamoDbAlertLedger;
import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.health.view.OnCallView;
import io.autowatch.health.view.PageLinks;
import io.autowatch.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The on-call dashboard's CloudWatch custom widget: CloudWatch calls it with the viewer's own AWS credentials and
 * shows the HTML it returns (README, "The on-call dashboard"). The widget's time range picks the chart's days; a job
 * comes from the link or the form the page itself drew. Reads only: results and open incidents.
 */
public final class OnCallWidgetHandler implements RequestStreamHandler {

    private final OnCallView view;

    /** For the Lambda runtime: the clients are built once, when the execution environment starts. */
    public OnCallWidgetHandler() {
        this(fromEnvironment());
    }

    OnCallWidgetHandler(OnCallView view) {
        this.view = view;
    }

    private static OnCallView fromEnvironment() {
        String table = System.getenv("HEALTH_TABLE");
        String region = System.getenv("AWS_REGION");
        if (table == null || table.isBlank() || region == null || region.isBlank()) {
            throw new IllegalStateException("the on-call widget needs HEALTH_TABLE and AWS_REGION");
        }
        var dynamoDb = AwsClients.forRegion(region).dynamoDb();
        return new OnCallView(
                new DynamoDbStoredResults(dynamoDb, table),
                new DynamoDbAlertLedger(dynamoDb, table),
                Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        Object reply;
        if (Boolean.TRUE.equals(event.get("describe"))) {
            reply = Map.of("markdown", DESCRIPTION);
        } else {
            String arn = context == null ? "" : context.getInvokedFunctionArn();
            reply = view.render(request(event), new PageLinks.Widget(arn));
        }
        // A string is shown as HTML; {"markdown": …} as Markdown.
        output.write(Json.write(reply).getBytes(StandardCharsets.UTF_8));
    }

    static final String DESCRIPTION = "## autowatch on call\n\nLists the open incidents, critical first; a job's link "
            + "draws its counts and what the policy expected over the dashboard's time range. Parameters: `job` "
            + "(optional) opens that job's chart.";

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
