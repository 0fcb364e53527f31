package io.autowatch.healthcheck.judge;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.ZeroAlerts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs of zero days, for {@link ZeroAlerts#AUTO}. A zero day is a recorded 0, or a day with no item after the job's
 * first recorded day (a job that stopped writing is counting nothing). Days before its first record are not zeros.
 */
final class ZeroRuns {

    private ZeroRuns() {}

    /**
     * True when the run of zero days ending on {@code day} is longer than every earlier run of zero days between the
     * job's first recorded day and {@code day}.
     *
     * @param recorded the recorded days before {@code day} within the look-back, any order
     */
    static boolean currentRunIsLongest(LocalDate day, List<DayCount> recorded) {
        if (recorded.isEmpty()) {
            return true;
        }
        Map<LocalDate, Long> byDay =
                recorded.stream().collect(Collectors.toMap(DayCount::day, DayCount::count, Long::sum));
        LocalDate first = byDay.keySet().stream().min(LocalDate::compareTo).orElseThrow();
        Function<LocalDate, Boolean> isZero = d -> byDay.getOrDefault(d, 0L) == 0L;

        int current = 1;
        LocalDate cursor = day.minusDays(1);
        while (!cursor.isBefore(first) && isZero.apply(cursor)) {
            current++;
            cursor = cursor.minusDays(1);
        }
        int longestEarlier = 0;
        int run = 0;
        for (LocalDate d = first; !d.isAfter(cursor); d = d.plusDays(1)) {
            run = isZero.apply(d) ? run + 1 : 0;
            longestEarlier = Math.max(longestEarlier, run);
        }
        return current > longestEarlier;
    }
}
