package io.autowatch.functions.schemaworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.aws.sqs.CommandQueue;
import io.autowatch.aws.sqs.SqsBatch;
import io.autowatch.schemasync.SchemaSyncService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Lambda entry point for the command queue's worker (SQS, batch size 1): carries each queued pull-request command
 * out and reports the messages that failed, for redelivery (partial batch responses).
 */
public final class WorkerHandler implements RequestStreamHandler {

    private final SchemaSyncService service;

    /** For the Lambda runtime: builds the GitHub and Datadog clients once, when the execution environment starts. */
    public WorkerHandler() {
        this(WorkerWiring.workerFromEnvironment());
    }

    /** With a service wired elsewhere (tests, the local runtime). */
    public WorkerHandler(SchemaSyncService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<SqsBatch.Message> messages = SqsBatch.read(input.readAllBytes());
        List<String> failed =
                SqsBatch.eachOnItsOwn(messages, "command_failed", body -> service.handle(CommandQueue.read(body)));
        output.write(SqsBatch.reply(failed));
    }
}
