package io.autowatch.local.cli;

import io.autowatch.aws.dynamodb.DynamoDbStoredResults;
import io.autowatch.local.dashboard.ChartExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "chart",
        mixinStandardHelpOptions = true,
        description = "Draw a job's health chart to a PNG file: counts by status, and what the policy that judged "
                + "each day expected (adaptive's expected count and range, classic's two bands), from the stored "
                + "results (the same chart as the dashboard's).")
public final class ChartCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "job id")
    String job;

    @Option(
            names = {"-o", "--out"},
            description = "the PNG file to write (default: .autowatch/charts/<job>.png, outside your sources)")
    Path out;

    @Mixin
    Options.Days days;

    @Option(
            names = "--width",
            defaultValue = "1200",
            description = "width of the PNG in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(
            names = "--height",
            defaultValue = "500",
            description = "height of the PNG in pixels (default ${DEFAULT-VALUE})")
    int height;

    @Mixin
    Options.State state;

    /** {@code .autowatch/charts/email_daily-active_IN.png}: a job id as a file name, with nothing that climbs out. */
    public static Path defaultFile(Path stateFolder, String job) {
        return stateFolder.resolve("charts").resolve(job.replaceAll("[^A-Za-z0-9_-]", "_") + ".png");
    }

    @Override
    public Integer call() throws Exception {
        Connection connection = state.connect();
        KnownJobs.require(connection, job);
        LocalDate last = days.last();
        LocalDate first = days.first();
        var points =
                new DynamoDbStoredResults(connection.dynamoDb(), connection.healthTable()).between(job, first, last);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no check results for '" + job + "' from " + first + " to " + last
                    + "; run the check first (./autowatch check)");
        }
        Path file = out != null ? out : defaultFile(state.folder, job);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        ChartExport.png(job, points, file, width, height);
        System.out.printf("Wrote %s (%d days)%n", file, points.size());
        return 0;
    }
}
