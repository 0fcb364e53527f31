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
import java.util.function.Supplier;

/**
 * Lambda entry point for the command queue's worker (SQS, batch size 1): carries each queued pull-request command
 * out and reports the messages that failed, for redelivery (partial batch responses).
 */
public final class WorkerHandler implements RequestStreamHandler {

    private final Supplier<SchemaSyncService> service;

    /**
     * For the Lambda runtime: builds the GitHub and Datadog clients once, when the execution environment starts (and
     * again after a SnapStart restore if a secret changed since the snapshot).
     */
    public WorkerHandler() {
        WorkerWiring.workerFromEnvironment();
        this.service = WorkerWiring::workerFromEnvironment;
    }

    /** With a service wired elsewhere (tests, the local runtime). */
    public WorkerHandler(SchemaSyncService service) {
        this.service = () -> service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<SqsBatch.Message> messages = SqsBatch.read(input.readAllBytes());
        List<String> failed = SqsBatch.eachOnItsOwn(
                messages, "command_failed", body -> service.get().handle(CommandQueue.read(body)));
        output.write(SqsBatch.reply(failed));
    }
}
