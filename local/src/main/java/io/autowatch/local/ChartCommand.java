package io.autowatch.local;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "Draw a job's health chart to a PNG file: counts by status and both bands, from the stored "
                + "results (the same chart as the dashboard's).")
final class ChartCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "job id")
    String job;

    @Option(names = {"-o", "--out"}, required = true, description = "the PNG file to write")
    Path out;

    @Option(names = "--from", description = "first day (default: 90 days before --to)")
    LocalDate from;

    @Option(names = "--to", description = "last day (default: yesterday, UTC)")
    LocalDate to;

    @Option(names = "--width", defaultValue = "1200")
    int width;

    @Option(names = "--height", defaultValue = "500")
    int height;

    @Option(names = "--state", defaultValue = ".autowatch", hidden = true)
    Path state;

    @Override
    public Integer call() throws Exception {
        Connection connection = Connection.resolve(state);
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate first = from != null ? from : last.minusDays(89);
        var points = new Results(connection.dynamoDb(), connection.healthTable()).series(job, first, last);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no check results for '" + job + "' from " + first + " to " + last
                    + "; run the check first (./autowatch check)");
        }
        ChartExport.png(job, points, out, width, height);
        System.out.printf("Wrote %s (%d days)%n", out, points.size());
        return 0;
    }
}
