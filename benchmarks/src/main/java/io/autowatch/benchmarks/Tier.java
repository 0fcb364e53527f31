package io.autowatch.benchmarks;

import java.util.Locale;

/** A job's volume class: its base level per day is drawn log-uniformly between the bounds. */
enum Tier {
    HIGH(1e4, 1e6),
    MID(1e2, 1e4),
    LOW(1, 100),
    VERY_LOW(0.2, 5);

    final double low;
    final double high;

    Tier(double low, double high) {
        this.low = low;
        this.high = high;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
