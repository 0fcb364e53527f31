package io.autowatch.local.cli;

import io.autowatch.aws.dynamodb.CountWriter;
import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "counts",
        mixinStandardHelpOptions = true,
        description = "Record job counts (see the README, The counts interface).",
        subcommands = CountsCommand.Add.class)
final class CountsCommand {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add to a job's count for a day, as a job would (UpdateItem ADD).")
    static final class Add implements Callable<Integer> {

        @Parameters(index = "0", description = "job id, e.g. email/daily-active/IN")
        String job;

        @Parameters(index = "1", description = "how much to add (0 records that the job ran and did nothing)")
        long amount;

        @Option(names = "--day", description = "the day, YYYY-MM-DD, or yesterday (default: today, UTC)")
        LocalDate day;

        @Mixin
        Options.State state;

        @Override
        public Integer call() throws Exception {
            Connection connection = state.connect();
            var known = KnownJobs.checked(connection);
            if (!known.isEmpty() && !known.contains(job)) {
                // A new job is fine; a mistyped one would start a job nobody checks. Say so, and add all the same.
                System.err.println("note: " + KnownJobs.unknown(job, known, connection) + " (adding to a new job)");
            }
            LocalDate when = day != null ? day : LocalDate.now(ZoneOffset.UTC);
            long total =
                    new CountWriter(connection.dynamoDb(), connection.countsTable()).add(JobId.of(job), when, amount);
            System.out.printf(
                    "%s on %s: %,d now (added %,d), in %s%n", job, when, total, amount, connection.description());
            return 0;
        }
    }
}
