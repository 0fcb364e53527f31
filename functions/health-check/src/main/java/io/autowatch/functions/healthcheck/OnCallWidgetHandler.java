package io.autowatch.functions.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.healthcheck.view.OnCallView;
import io.autowatch.healthcheck.view.PageLinks;
import io.autowatch.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The on-call dashboard's CloudWatch custom widget: CloudWatch calls it with the viewer's own AWS credentials and
 * shows the HTML it returns (README, "The on-call dashboard"). The widget's time range picks the chart's days; a job
 * comes from the link or the form the page itself drew. Reads only: results and open incidents.
 */
public final class OnCallWidgetHandler implements RequestStreamHandler {

    private final OnCallView view;

    /** For the Lambda runtime: the clients are built once, when the execution environment starts. */
    public OnCallWidgetHandler() {
        this(HealthCheckWiring.onCallViewFromEnvironment(System.getenv()));
    }

    /** With a view wired elsewhere (tests). */
    public OnCallWidgetHandler(OnCallView view) {
        this.view = view;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        Object reply = WidgetRequests.describe(event)
                ? Map.of("markdown", WidgetRequests.DESCRIPTION)
                : view.render(
                        WidgetRequests.request(event),
                        new PageLinks.Widget(context == null ? "" : context.getInvokedFunctionArn()));
        // A string is shown as HTML; {"markdown": …} as Markdown.
        output.write(Json.write(reply).getBytes(StandardCharsets.UTF_8));
    }
}
