package io.autowatch.local.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./autowatch}: the local runtime and the command-line tools. */
@Command(
        name = "autowatch",
        mixinStandardHelpOptions = true,
        version = "autowatch 0.4.0",
        description = "Run autowatch on this machine, and the tools around it.",
        subcommands = {
            RunCommand.class,
            CountsCommand.class,
            CheckCommand.class,
            PlanCommand.class,
            BacktestCommand.class,
            CompareCommand.class,
            ChartCommand.class,
            DashboardCommand.class,
            RetireCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        QuietStandardError.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code ./autowatch} runs it: its converters and error handling included. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        // A date option says what it wants, not which Java exception a bad one raised.
        line.registerConverter(LocalDate.class, Main::date);
        // A number option says "a whole number", not Java's "is not a long".
        line.registerConverter(Long.class, Main::wholeNumber);
        line.registerConverter(long.class, Main::wholeNumber);
        line.registerConverter(Integer.class, Main::wholeInt);
        line.registerConverter(int.class, Main::wholeInt);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return line;
    }

    /** A whole number written in digits (a sign allowed), e.g. {@code 1200}. */
    static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number (e.g. 1200)");
        }
    }

    static int wholeInt(String text) {
        long value = wholeNumber(text);
        if (value != (int) value) {
            throw new CommandLine.TypeConversionException("'" + text + "' is too large a number here");
        }
        return (int) value;
    }

    /** YYYY-MM-DD, or {@code today} / {@code yesterday} (UTC), so that the tour's commands work on any day. */
    static LocalDate date(String text) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (text.equals("today")) {
            return today;
        }
        if (text.equals("yesterday")) {
            return today.minusDays(1);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text
                    + "' is not a calendar date written YYYY-MM-DD (e.g. 2026-11-20), nor today or yesterday");
        }
    }
}
