package io.autowatch.functions.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.healthcheck.run.HealthCheckService;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Lambda entry point for a scheduled run, a manual run or backfill, or a retirement ({@link HealthCheckEvent}):
 * answers the summary as JSON. A malformed event or a system failure (table or topic missing) fails the invocation.
 */
public final class HealthCheckHandler implements RequestStreamHandler {

    private static final Log LOG = Log.of(HealthCheckHandler.class);

    private final HealthCheckService service;
    private final Clock clock;

    /** For the Lambda runtime: builds the real wiring once, when the execution environment starts. */
    public HealthCheckHandler() {
        this(HealthCheckWiring.fromEnvironment(), Clock.systemUTC());
    }

    /** With a service wired elsewhere (tests, the local runtime). */
    public HealthCheckHandler(HealthCheckService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> reply =
                switch (read(input.readAllBytes(), context)) {
                    case RetireRequests.Retire retire ->
                        service.retire(retire.jobs(), retire.reason()).fields();
                    case HealthCheckEvent.Check check ->
                        service.run(check.request()).fields();
                };
        output.write(Json.write(reply).getBytes(StandardCharsets.UTF_8));
    }

    private HealthCheckEvent read(byte[] event, Context context) {
        try {
            return HealthCheckEvent.parse(event, clock.instant());
        } catch (IllegalArgumentException e) {
            String requestId = context == null ? null : context.getAwsRequestId();
            LOG.error("request_rejected", "requestId", requestId, "reason", e.getMessage());
            throw e;
        }
    }
}
