package io.autowatch.counts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One job's daily counts over a contiguous range of days, as read from the counts table. A day without an item
 * (or with an item that was rejected as invalid) is {@linkplain #countOn(LocalDate) unknown}.
 */
public final class CountSeries {

    private static final long UNKNOWN = -1;

    private final LocalDate firstDay;
    private final long[] counts;

    private CountSeries(LocalDate firstDay, long[] counts) {
        this.firstDay = firstDay;
        this.counts = counts;
    }

    /** An empty series covering {@code days} days from {@code firstDay}; fill it with {@link #put}. */
    public static CountSeries covering(LocalDate firstDay, int days) {
        long[] counts = new long[days];
        Arrays.fill(counts, UNKNOWN);
        return new CountSeries(Objects.requireNonNull(firstDay), counts);
    }

    /** Builds a series from explicit points, for tests and tools. */
    public static CountSeries of(LocalDate firstDay, LocalDate lastDay, List<DayCount> points) {
        CountSeries series = covering(firstDay, (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1);
        points.forEach(p -> series.put(p.day(), p.count()));
        return series;
    }

    /** Records a day's count; days outside the range are ignored. Each day is written by one thread only. */
    public void put(LocalDate day, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        int index = indexOf(day);
        if (index >= 0) {
            counts[index] = count;
        }
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(counts.length - 1L);
    }

    public OptionalLong countOn(LocalDate day) {
        int index = indexOf(day);
        return index < 0 || counts[index] == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(counts[index]);
    }

    /** True when any count (zero included) was recorded from {@code from} to {@code to}, both inclusive. */
    public boolean reportedBetween(LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (countOn(day).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The recorded days from {@code from} to {@code to} (both inclusive), most recent first. Unknown days are left
     * out; the caller decides what a missing day means.
     */
    public List<DayCount> recordedBetween(LocalDate from, LocalDate to) {
        List<DayCount> result = new ArrayList<>();
        for (LocalDate day = to; !day.isBefore(from); day = day.minusDays(1)) {
            OptionalLong count = countOn(day);
            if (count.isPresent()) {
                result.add(new DayCount(day, count.getAsLong()));
            }
        }
        return result;
    }

    private int indexOf(LocalDate day) {
        long index = ChronoUnit.DAYS.between(firstDay, day);
        return index < 0 || index >= counts.length ? -1 : (int) index;
    }
}
