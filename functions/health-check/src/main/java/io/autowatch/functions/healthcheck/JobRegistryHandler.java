package io.autowatch.functions.healthcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autowatch.aws.streams.CountsStream;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Lambda entry point for the counts table's change stream ({@code INSERT} records only, filtered by the event source
 * mapping): each job's first count of a day records the job and that day in the {@link JobRegistry}, where a
 * shard's run finds its jobs. The writers' own call is untouched; a failed batch is retried whole.
 */
public final class JobRegistryHandler implements RequestStreamHandler {

    private static final Log LOG = Log.of(JobRegistryHandler.class);

    private final JobRegistry registry;

    /** For the Lambda runtime: the client is built when the execution environment starts. */
    public JobRegistryHandler() {
        this(HealthCheckWiring.registryFromEnvironment(System.getenv()));
    }

    /** With a registry wired elsewhere (tests). */
    public JobRegistryHandler(JobRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        CountsStream.Batch batch = CountsStream.read(input.readAllBytes());
        boolean failed = false;
        try {
            registry.record(batch.latest());
            LOG.info(
                    "jobs_registered",
                    "records",
                    batch.records(),
                    "jobs",
                    batch.latest().size());
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("jobs_not_registered", "records", batch.records(), "error", e.toString());
        }
        output.write(CountsStream.reply(failed, batch));
    }
}
