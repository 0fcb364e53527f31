package io.autowatch.functions.schemawebhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.json.Json;
import io.autowatch.schemasync.intake.DriftStart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lambda entry point for the scheduled drift check (README, "Drift"): queues one reconcile of the default branch per
 * repository in use, for the worker to carry out in turn with that repository's commands. It holds no GitHub token and
 * no Datadog keys.
 */
public final class DriftHandler implements RequestStreamHandler {

    private final DriftStart drift;

    /** For the Lambda runtime: builds the wiring once, when the execution environment starts. */
    public DriftHandler() {
        this(WebhookWiring.driftFromEnvironment());
    }

    /** With the start wired elsewhere (tests). */
    public DriftHandler(DriftStart drift) {
        this.drift = drift;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> event = Json.readObject(input.readAllBytes());
        // The scheduled time names the run: a twin delivery of the same run is dropped by the queue.
        Object time = event.get("time");
        String runId = "drift-" + (time instanceof String t ? t : String.valueOf(event.getOrDefault("id", "manual")));
        DriftStart.Started started = drift.start(runId);
        output.write(
                Json.write(Map.of("run", runId, "queued", started.queued())).getBytes(StandardCharsets.UTF_8));
    }
}
