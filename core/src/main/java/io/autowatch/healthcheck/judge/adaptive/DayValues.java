package io.autowatch.healthcheck.judge.adaptive;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.HealthPolicy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The look-back before the checked day as one value per calendar day, oldest first: what the policy learns from.
 * A day with no item after the job's first recorded day is 0 (a job that stopped writing counted nothing). Days
 * before the first record, and excluded dates, are unknown: they neither teach nor count.
 */
final class DayValues {

    static final long UNKNOWN = -1;

    private final LocalDate first;
    private final long firstEpochDay;
    private final long[] values;

    private DayValues(LocalDate first, long[] values) {
        this.first = first;
        this.firstEpochDay = first.toEpochDay();
        this.values = values;
    }

    static DayValues of(HealthPolicy.Input input) {
        int days = input.settings().lookbackDays();
        LocalDate first = input.day().minusDays(days);
        long[] values = new long[days];
        Arrays.fill(values, UNKNOWN);
        int earliest = days;
        for (DayCount d : input.previous()) {
            long index = d.day().toEpochDay() - first.toEpochDay();
            if (index >= 0 && index < days) {
                values[(int) index] = d.count();
                earliest = Math.min(earliest, (int) index);
            }
        }
        for (int i = earliest; i < days; i++) {
            if (values[i] == UNKNOWN) {
                values[i] = 0;
            }
        }
        for (int i = 0; i < days; i++) {
            if (input.settings().unlearned(first.plusDays(i))) {
                values[i] = UNKNOWN;
            }
        }
        return new DayValues(first, values);
    }

    /** For tests: the given values, oldest first, ending the day before {@code day}; negative means unknown. */
    static DayValues ofValues(LocalDate day, long... values) {
        long[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i] < 0 ? UNKNOWN : copy[i];
        }
        return new DayValues(day.minusDays(values.length), copy);
    }

    /**
     * These days with the idle ones unknown: a zero on a weekday the job runs on (not one of {@code weekdaysOff}) is
     * a day it did not run, which says nothing about how much it does when it runs.
     */
    DayValues withIdleUnknown(boolean[] weekdaysOff) {
        long[] running = values.clone();
        for (int i = 0; i < running.length; i++) {
            if (running[i] == 0 && !weekdaysOff[weekday(i).getValue() - 1]) {
                running[i] = UNKNOWN;
            }
        }
        return new DayValues(first, running);
    }

    int size() {
        return values.length;
    }

    /** The day of index {@code i}; index {@link #size()} is the checked day. */
    LocalDate day(int i) {
        return first.plusDays(i);
    }

    /** The weekday of index {@code i}, from the epoch day (1970-01-01 was a Thursday): no date is built. */
    DayOfWeek weekday(int i) {
        return DayOfWeek.of((int) Math.floorMod(firstEpochDay + i + 3, 7L) + 1);
    }

    boolean known(int i) {
        return values[i] != UNKNOWN;
    }

    long value(int i) {
        return values[i];
    }

    int knownCount() {
        int n = 0;
        for (long v : values) {
            n += v == UNKNOWN ? 0 : 1;
        }
        return n;
    }
}
