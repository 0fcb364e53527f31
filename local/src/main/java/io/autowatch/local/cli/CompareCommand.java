package io.autowatch.local.cli;

import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.judge.Comparison;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.local.dashboard.ComparisonView;
import io.autowatch.local.dashboard.JobHistory;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Judge a job's days under every policy, with its stored settings, as the check would have: each "
                + "day's verdict per policy, and which days each would have alerted on. For choosing a job's policy.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "job id")
    String job;

    @Mixin
    Options.Days days;

    @Option(
            names = "--policies",
            split = ",",
            description = "the policies to compare (default: all, ${DEFAULT-VALUE})",
            defaultValue = "classic,adaptive")
    List<String> policies;

    @Option(names = "--alerts-only", description = "list only the days on which some policy alerts")
    boolean alertsOnly;

    @Mixin
    Options.State state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Connection connection = state.connect();
        KnownJobs.require(connection, job);
        LocalDate last = days.last();
        LocalDate first = days.first();
        List<HealthPolicy> chosen = policies.stream()
                .map(name -> Policies.standard()
                        .named(name)
                        .orElseThrow(() -> new IllegalArgumentException("unknown policy '" + name + "'; known: "
                                + Policies.standard().names())))
                .toList();
        System.err.printf("Reading %s from %s…%n", job, connection.description());
        JobHistory history = JobHistory.read(
                connection.dynamoDb(),
                connection.countsTable(),
                connection.healthTable(),
                job,
                first,
                last,
                UnaryOperator.identity());
        Comparison.Compared compared = Comparison.run(history.series(), first, last, history.settings(), chosen);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ComparisonView.text(job, compared, alertsOnly));
        out.flush();
        return 0;
    }
}
