package io.autowatch.local.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./autowatch retire <job>}: what the deployed function does for a retire event, in the local runtime. */
@Command(
        name = "retire",
        mixinStandardHelpOptions = true,
        description = "Retire a job in the local runtime: its open incident is resolved (chat and paging), and it is "
                + "not checked until it writes a count for a later day. In AWS, invoke the function with "
                + "{\"detail\": {\"retire\": [\"<job>\"]}} (README, Retiring a job).")
final class RetireCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "job id")
    String job;

    @Option(names = "--reason", defaultValue = "retired by hand", description = "one line, for the resolve notice")
    String reason;

    @Mixin
    Options.State state;

    @Override
    public Integer call() throws Exception {
        Connection connection = state.connect();
        URI runtime = connection
                .runtime()
                .orElseThrow(() -> new IllegalStateException("`retire` runs in the local runtime; start it with "
                        + "`./autowatch run`. In AWS: aws lambda invoke --function-name <HealthCheckFunctionName> "
                        + "--payload '{\"detail\": {\"retire\": [\"" + job + "\"]}}' out.json"));
        URI uri = runtime.resolve("/api/retire?job=" + URLEncoder.encode(job, StandardCharsets.UTF_8) + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        Connection.Answer answer = Connection.post(uri);
        Map<String, Object> body = answer.body();
        if (!answer.ok()) {
            System.err.println("retire failed: " + answer.message());
            return 1;
        }
        if (body.get("jobsNotFound") instanceof List<?> missing && !missing.isEmpty()) {
            System.err.println(job + " is not retired: it wrote no count in the look-back and has no open incident, "
                    + "so it is not checked anyway. "
                    + KnownJobs.unknown(job, KnownJobs.checked(connection), connection));
            return 1;
        }
        boolean resolved = body.get("incidentsResolved") instanceof List<?> l && !l.isEmpty();
        System.out.println(job + " is retired"
                + (resolved
                        ? "; its open incident is resolved (see the runtime's terminal)"
                        : "; it had no open incident")
                + ". It is checked again once it writes a count for a later day.");
        return 0;
    }
}
