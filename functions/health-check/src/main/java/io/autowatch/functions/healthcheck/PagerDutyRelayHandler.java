package io.autowatch.functions.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.aws.sqs.SqsBatch;
import io.autowatch.pagerduty.PagerDutyRelay;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Lambda entry point for the paging queue (SQS FIFO, raw SNS delivery): each event goes to PagerDuty's Events API v2
 * with the routing key from Secrets Manager ({@link PagerDutyRelay}); the ones PagerDuty did not take go back.
 */
public final class PagerDutyRelayHandler implements RequestStreamHandler {

    private final PagerDutyRelay relay;

    /** For the Lambda runtime: the key is read, and the client built, when the execution environment starts. */
    public PagerDutyRelayHandler() {
        this(HealthCheckWiring.pagerDutyRelayFromEnvironment(System.getenv()));
    }

    /** With a relay wired elsewhere (tests). */
    public PagerDutyRelayHandler(PagerDutyRelay relay) {
        this.relay = relay;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<PagerDutyRelay.Page> pages = SqsBatch.read(input.readAllBytes()).stream()
                .map(m -> new PagerDutyRelay.Page(m.id(), m.body()))
                .toList();
        LongSupplier remainingMillis =
                context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis();
        output.write(SqsBatch.reply(relay.relay(pages, remainingMillis)));
    }
}
