package io.autowatch.local.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Run the health check in the local runtime, now (as the schedule would) or for one day.")
final class CheckCommand implements Callable<Integer> {

    @Option(
            names = "--day",
            description = "check this day, YYYY-MM-DD or yesterday (default: each job's last complete day)")
    LocalDate day;

    @Option(
            names = "--job",
            description = "check only this job (repeat for several); with --day today, a job that finished its day's"
                    + " work asks for its own check, as the Job Finished rule does")
    List<String> jobs = new ArrayList<>();

    @Mixin
    Options.State state;

    @Override
    public Integer call() throws Exception {
        Connection connection = state.connect();
        URI runtime = connection
                .runtime()
                .orElseThrow(() -> new IllegalStateException(
                        "`check` runs in the local runtime; start it with `./autowatch run`. In AWS, invoke the function: "
                                + "aws lambda invoke --function-name <HealthCheckFunctionName> --payload …"));
        List<String> query = new ArrayList<>();
        if (day != null) {
            query.add("day=" + day);
        }
        if (!jobs.isEmpty()) {
            query.add("jobs=" + URLEncoder.encode(String.join(",", jobs), StandardCharsets.UTF_8));
        }
        URI uri = runtime.resolve("/api/check" + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        Path alertLog = state.folder.resolve("alerts.jsonl");
        long before = Files.exists(alertLog) ? Files.size(alertLog) : 0;
        Connection.Answer answer = Connection.post(uri);
        Map<String, Object> body = answer.body();
        if (!answer.ok()) {
            // The runtime words the refusal in this command's options (--day, --job).
            System.err.println("check failed: " + answer.message());
            return 1;
        }
        System.out.println(CheckOutput.summary(body, day));
        CheckOutput.newAlerts(alertLog, before).forEach(System.out::println);
        return 0;
    }
}
