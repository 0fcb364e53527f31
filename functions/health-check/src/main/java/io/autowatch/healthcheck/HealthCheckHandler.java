package io.autowatch.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.health.CheckRequest;
import io.autowatch.health.HealthCheckService;
import io.autowatch.health.RunSummary;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Lambda entry point: EventBridge Scheduler's scheduled event, a manual run / backfill
 * ({@code {"detail": {"day": "YYYY-MM-DD", "jobs": [...]}}}), or a retirement ({@code {"detail": {"retire": [...]}}}).
 * Returns the run's (or the retirement's) summary as JSON. A malformed event
 * or a system failure (table or topic missing) fails the invocation.
 */
public final class HealthCheckHandler implements RequestStreamHandler {

    private static final Log LOG = Log.of(HealthCheckHandler.class);

    private final HealthCheckService service;
    private final Clock clock;

    /** For the Lambda runtime: builds the real wiring once, when the execution environment starts. */
    public HealthCheckHandler() {
        this(HealthCheckWiring.fromEnvironment(), Clock.systemUTC());
    }

    /** For running the handler outside Lambda (the local runtime) with a service wired there. */
    public static HealthCheckHandler embedded(HealthCheckService service, Clock clock) {
        return new HealthCheckHandler(service, clock);
    }

    HealthCheckHandler(HealthCheckService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        CheckRequest request;
        try {
            Map<String, Object> root = Json.readObject(event);
            var retire = RetireRequests.parse(root);
            if (retire.isPresent()) {
                var done = service.retire(retire.get().jobs(), retire.get().reason());
                output.write(Json.write(done.fields()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            request = CheckRequests.parse(root, event, clock.instant());
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "request_rejected",
                    "requestId",
                    context == null ? null : context.getAwsRequestId(),
                    "reason",
                    e.getMessage());
            throw e;
        }
        RunSummary summary = service.run(request);
        output.write(Json.write(summary.fields()).getBytes(StandardCharsets.UTF_8));
    }
}
