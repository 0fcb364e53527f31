package io.autowatch.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./autowatch}: the local runtime and the command-line tools. */
@Command(
        name = "autowatch",
        mixinStandardHelpOptions = true,
        version = "autowatch 0.1.0",
        description = "Run autowatch on this machine, and the tools around it.",
        subcommands = {
            RunCommand.class,
            CountsCommand.class,
            CheckCommand.class,
            PlanCommand.class,
            BacktestCommand.class,
            CompareCommand.class,
            ChartCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        CommandLine line = new CommandLine(new Main());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        System.exit(line.execute(args));
    }
}
