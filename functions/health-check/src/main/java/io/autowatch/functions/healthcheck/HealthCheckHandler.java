package io.autowatch.functions.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.healthcheck.run.HealthCheckService;
import io.autowatch.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Lambda entry point for a run (scheduled, manual, a backfill, one shard's), a retirement, or a step of a run in
 * shards ({@link HealthCheckEvent}): answers the summary as JSON. A malformed event or a system failure (table or topic missing) fails the invocation.
 */
public final class HealthCheckHandler implements RequestStreamHandler {

    private final HealthCheckWiring.Services services;
    private final Clock clock;

    /** For the Lambda runtime: builds the real wiring once, when the execution environment starts. */
    public HealthCheckHandler() {
        this(HealthCheckWiring.fromEnvironment(), Clock.systemUTC());
    }

    /** With a service wired elsewhere, for whole and single-shard runs (tests, the local runtime). */
    public HealthCheckHandler(HealthCheckService service, Clock clock) {
        this(HealthCheckWiring.Services.runsOnly(service), clock);
    }

    /** With services wired elsewhere: the runs, and the plan and summary of a run in shards. */
    public HealthCheckHandler(HealthCheckWiring.Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> reply =
                switch (HealthCheckEvent.parse(input.readAllBytes(), clock.instant(), context)) {
                    case RetireRequests.Retire retire ->
                        services.run().retire(retire.jobs(), retire.reason()).fields();
                    case HealthCheckEvent.Check check ->
                        ShardedRequests.withShard(
                                services.run().run(check.request()).fields(), check.request());
                    case ShardedRequests.Plan plan ->
                        services.sharded()
                                .plan(plan.request(), plan.execution())
                                .fields();
                    case ShardedRequests.Summary summary ->
                        services.sharded().summarize(summary.plan(), summary.outcomes(), summary.execution());
                };
        output.write(Json.write(reply).getBytes(StandardCharsets.UTF_8));
    }
}
