package io.autowatch.schemasync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.json.Json;
import io.autowatch.log.Log;
import io.autowatch.schema.SchemaSyncService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point for the command queue's worker (SQS, batch size 1): carries each queued pull-request command
 * out and reports the messages that failed, for redelivery (partial batch responses).
 */
public final class WorkerHandler implements RequestStreamHandler {

    private static final Log LOG = Log.of(WorkerHandler.class);

    private final SchemaSyncService service;

    /** For the Lambda runtime: builds the GitHub and Datadog clients once, when the execution environment starts. */
    public WorkerHandler() {
        this(WorkerWiring.workerFromEnvironment());
    }

    /** With a service wired elsewhere: tests. */
    public WorkerHandler(SchemaSyncService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Object records = Json.readObject(input.readAllBytes()).get("Records");
        List<Map<String, String>> failures = new ArrayList<>();
        for (Object item : records instanceof List<?> list ? list : List.of()) {
            String messageId = String.valueOf(((Map<?, ?>) item).get("messageId"));
            try {
                service.handle(CommandQueue.read(String.valueOf(((Map<?, ?>) item).get("body"))));
            } catch (RuntimeException e) {
                LOG.error("command_failed", "messageId", messageId, "error", e.toString());
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        output.write(Json.write(Map.of("batchItemFailures", failures)).getBytes(StandardCharsets.UTF_8));
    }
}
