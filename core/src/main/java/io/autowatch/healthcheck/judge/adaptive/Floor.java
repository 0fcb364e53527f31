package io.autowatch.healthcheck.judge.adaptive;

import io.autowatch.healthcheck.JobSettings;

/**
 * The smallest change worth anyone's time: a count alerts only when it is off by at least {@code minChange} counts
 * and by at least {@code minChangePercent} of what was expected, however improbable it is.
 */
record Floor(long minChange, double minChangePercent) {

    static Floor of(JobSettings settings) {
        return new Floor(settings.minChange(), settings.minChangePercent().doubleValue());
    }

    /** The change a count must reach around {@code expected}. */
    double around(double expected) {
        return Math.max(minChange, minChangePercent / 100 * expected);
    }

    boolean matters(long count, double expected) {
        return Math.abs(count - expected) >= around(expected);
    }

    /** The lowest count that is too close to {@code expected} to matter. */
    long lowestQuiet(double expected) {
        return Math.max(0, (long) Math.floor(expected - around(expected)) + 1);
    }

    /** The highest count that is too close to {@code expected} to matter. */
    long highestQuiet(double expected) {
        return (long) Math.ceil(expected + around(expected)) - 1;
    }
}
