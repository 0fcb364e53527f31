package io.autowatch.local.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** Options several commands share (picocli mixins). */
public final class Options {

    private Options() {}

    /** Where the running local runtime left {@code runtime.json}. */
    static final class State {
        @Option(names = "--state", defaultValue = ".autowatch", hidden = true)
        Path folder;

        Connection connect() throws IOException {
            return Connection.resolve(folder);
        }
    }

    /** A range of days, by default the 90 days up to yesterday (UTC). */
    static final class Days {
        @Option(names = "--from", description = "first day (default: 90 days before --to)")
        LocalDate from;

        @Option(names = "--to", description = "last day (default: yesterday, UTC)")
        LocalDate to;

        LocalDate last() {
            return to != null ? to : LocalDate.now(ZoneOffset.UTC).minusDays(1);
        }

        LocalDate first() {
            LocalDate first = from != null ? from : last().minusDays(89);
            if (first.isAfter(last())) {
                throw new IllegalArgumentException("--from " + first + " is after --to " + last());
            }
            return first;
        }
    }
}
