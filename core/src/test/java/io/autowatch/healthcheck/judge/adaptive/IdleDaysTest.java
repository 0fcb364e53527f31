package io.autowatch.healthcheck.judge.adaptive;

import static io.autowatch.healthcheck.judge.adaptive.Jobs.ADAPTIVE;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.TUESDAY;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.judge;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.quiet;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.series;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.weekend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autowatch.counts.CountSeries;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.DayJudge;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Jobs that idle at random (not by weekday): judged on the days they run, and their idle days by the streak. */
class IdleDaysTest {

    /** Idle on days whose epoch day is divisible by 3 or is 7 more than a multiple of 11: no weekday pattern. */
    private static boolean idles(LocalDate day) {
        long e = day.toEpochDay();
        return e % 3 == 0 || e % 11 == 7;
    }

    private static Long everyThirdDayIdle(LocalDate day) {
        return day.toEpochDay() % 3 == 0 ? null : quiet(day, 1000);
    }

    private static Expectation expectation(DayJudge.Judged judged) {
        return judged.assessment().expectation().orElseThrow();
    }

    private static DayJudge.Judged judgeOn(CountSeries series, LocalDate day) {
        return judge(series, day, ADAPTIVE);
    }

    private static LocalDate runDay(LocalDate near) {
        LocalDate day = near;
        while (day.toEpochDay() % 3 == 0) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void aJobIdleEveryThirdDay_thatDropsTo700OnADayItRuns_isUnhealthy() {
        LocalDate day = runDay(TUESDAY);
        CountSeries series =
                series(day.minusDays(60), day, d -> d.equals(day) ? Long.valueOf(700) : everyThirdDayIdle(d));

        var judged = judgeOn(series, day);

        assertThat(judged.assessment().status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(judged.alerts()).isTrue();
        assertThat(expectation(judged).expected()).isBetween(950.0, 1050.0);
        assertThat(expectation(judged).basis()).contains("idle at random (not by weekday)");
    }

    @Test
    void aJobThatIdlesAtRandom_andRisesByHalf_settlesOnTheThirdDayItRuns_theIdleDaysBetweenNotCounted() {
        LocalDate shift = runDay(TUESDAY.minusDays(10));
        LocalDate second = runDay(shift.plusDays(1));
        LocalDate third = runDay(second.plusDays(1));
        CountSeries series = series(
                shift.minusDays(60),
                TUESDAY,
                d -> d.toEpochDay() % 3 == 0
                        ? null
                        : Long.valueOf(d.isBefore(shift) ? quiet(d, 1000) : quiet(d, 1500)));

        var settled = judgeOn(series, third);

        assertThat(judgeOn(series, shift).alerts()).as("the shift's first day").isTrue();
        assertThat(judgeOn(series, second).alerts()).as("its second day it ran").isTrue();
        assertThat(settled.alerts())
                .as("its third day it ran, an idle day between")
                .isFalse();
        assertThat(expectation(settled).explanation())
                .contains("the third day it ran in a row at a new level (around 1,")
                .endsWith("the job's new normal, not a new change.");
        assertThat(judgeOn(series, runDay(third.plusDays(1))).alerts()).isFalse();
    }

    @Test
    void aJobThatIdlesAtRandom_isQuietOnAnIdleDay_andSaysHowOftenItIdles() {
        LocalDate day = TUESDAY;
        while (!idles(day) || idles(day.minusDays(1))) {
            day = day.plusDays(1);
        }
        LocalDate checked = day;
        CountSeries series = series(checked.minusDays(60), checked, d -> idles(d) ? null : quiet(d, 5000));

        var judged = judgeOn(series, checked);

        assertThat(judged.assessment().status()).isEqualTo(HealthStatus.ZERO);
        assertThat(judged.alerts()).isFalse();
        assertThat(expectation(judged).verdict()).isEqualTo(Expectation.Verdict.USUAL);
        assertThat(expectation(judged).explanation())
                .startsWith("Counted nothing: it ran on ")
                .contains("an idle day comes")
                .endsWith("which is how it idles.");
    }

    @Test
    void aJobThatIdlesAtRandom_andStoppedForGood_alertsOnceTheStreakIsRarerThanItsIdling() {
        LocalDate stopped = runDay(TUESDAY.minusDays(14));
        CountSeries series =
                series(stopped.minusDays(60), TUESDAY, d -> d.isBefore(stopped) && !idles(d) ? quiet(d, 5000) : null);

        boolean firstDayAlerts = judgeOn(series, stopped).alerts();
        var last = judgeOn(series, TUESDAY);

        assertThat(firstDayAlerts).as("one idle day is how this job idles").isFalse();
        assertThat(last.alerts()).as("15 idle days in a row").isTrue();
        assertThat(expectation(last).explanation())
                .contains("idle days in a row")
                .endsWith("it has stopped longer than it ever idles.");
    }

    @Test
    void anIdleStreak_alertsOnTheFirstDayItIsRarerThanTenTimesTheFalseAlarmRate() {
        LocalDate stopped = runDay(TUESDAY.minusDays(14));
        CountSeries series =
                series(stopped.minusDays(60), TUESDAY, d -> d.isBefore(stopped) && !idles(d) ? quiet(d, 5000) : null);
        double budget = AdaptivePolicy.STREAK_BUDGET * JobSettings.DEFAULT_FALSE_ALARM_RATE.doubleValue();

        LocalDate day = stopped;
        double before = 1;
        while (!judgeOn(series, day).alerts()) {
            before = expectation(judgeOn(series, day)).probability();
            day = day.plusDays(1);
        }
        double first = expectation(judgeOn(series, day)).probability();

        assertThat(budget).isEqualTo(1e-3);
        assertThat(before).as("the day before the first alert").isGreaterThanOrEqualTo(budget);
        assertThat(first).as("the first alert").isLessThan(budget);
    }

    @Test
    void aJobThatNeverIdles_stillAlertsOnItsFirstZero() {
        CountSeries series = series(TUESDAY.minusDays(60), TUESDAY, d -> d.equals(TUESDAY) ? null : quiet(d, 1000));

        assertThat(judgeOn(series, TUESDAY).alerts()).isTrue();
    }

    @Test
    void aJobThatIdledOnceInItsLookBack_isQuietOnItsNextIdleDay_andAlertsWhenTheStreakIsRarerThanThat() {
        LocalDate once = TUESDAY.minusDays(20);
        LocalDate stopped = TUESDAY.minusDays(3);
        CountSeries series = series(
                TUESDAY.minusDays(60), TUESDAY, d -> d.equals(once) || !d.isBefore(stopped) ? null : quiet(d, 5000));

        var first = judgeOn(series, stopped);
        var fourth = judgeOn(series, TUESDAY);

        assertThat(first.alerts())
                .as("one idle day in the look-back: a second is not rare")
                .isFalse();
        assertThat(expectation(first).explanation()).startsWith("Counted nothing: it ran on ");
        assertThat(fourth.alerts()).as("four idle days in a row").isTrue();
        assertThat(expectation(fourth).explanation()).contains("4 idle days in a row");
    }

    @Test
    void aJobWhoseOnlyIdleDaysInTheLookBackAreOneOutage_stillAlertsOnItsFirstZero() {
        LocalDate outage = TUESDAY.minusDays(20);
        CountSeries series = series(
                TUESDAY.minusDays(60),
                TUESDAY,
                d -> d.equals(TUESDAY) || (!d.isBefore(outage) && d.isBefore(outage.plusDays(3)))
                        ? null
                        : quiet(d, 5000));

        assertThat(judgeOn(series, TUESDAY).alerts()).isTrue();
    }

    @Test
    void aJobThatRunsOnWeekdaysOnly_isNotOneThatIdlesAtRandom() {
        DayValues days = DayValues.ofValues(TUESDAY, valuesBefore(TUESDAY, 42));

        boolean[] off = IdleDays.weekdaysOff(days);

        assertThat(IdleDays.of(days, 0)).isNull();
        assertThat(off[5]).as("Saturday").isTrue();
        assertThat(off[6]).as("Sunday").isTrue();
        assertThat(off[0]).as("Monday").isFalse();
    }

    @Test
    void aWeekdayOnWhichAHalfIdleJobHappenedToIdleSixTimes_isStillADayItRuns() {
        long[] values = new long[42];
        LocalDate first = TUESDAY.minusDays(42);
        for (int i = 0; i < 42; i++) {
            boolean wednesday = first.plusDays(i).getDayOfWeek().getValue() == 3;
            values[i] = wednesday || i % 2 == 1 ? 0 : 1000; // idle every other day, and on every Wednesday
        }
        DayValues days = DayValues.ofValues(TUESDAY, values);

        assertThat(IdleDays.weekdaysOff(days)[2])
                .as("Wednesday: 6 of 6 idle, as chance gives a half-idle job")
                .isFalse();
        assertThat(IdleDays.of(days, 0)).isNotNull();
    }

    @Test
    void aRunOnAWeekdayThatARandomIdlerHappenedToSkipEveryWeek_isNotAlerted_andSaysWhy() {
        LocalDate sunday = TUESDAY.plusDays(5);
        // Idle on every fourth day, not by weekday, and by chance on each of the six Sundays before this one.
        CountSeries series = series(sunday.minusDays(60), sunday, d -> {
            boolean sundayBefore = d.getDayOfWeek() == DayOfWeek.SUNDAY && d.isBefore(sunday);
            return sundayBefore || d.toEpochDay() % 4 == 0 ? null : quiet(d, 5000);
        });
        DayValues before = DayValues.ofValues(sunday, valuesOf(series, sunday, 42));
        assertThat(IdleDays.weekdaysOff(before)[6])
                .as("six idle Sundays in six look like a weekday it does not run on")
                .isTrue();

        var judged = judgeOn(series, sunday);

        assertThat(judged.alerts()).isFalse();
        assertThat(expectation(judged).explanation())
                .contains("Sundays had been idle lately")
                .endsWith("so a run on one is not alerted.");
    }

    @Test
    void aRunOnAWeekdayAJobNeverRunsOn_stillAlerts() {
        LocalDate sunday = TUESDAY.plusDays(5);
        CountSeries series = series(
                sunday.minusDays(60),
                sunday,
                d -> d.getDayOfWeek() == DayOfWeek.SUNDAY && d.isBefore(sunday) ? null : quiet(d, 5000));

        assertThat(judgeOn(series, sunday).alerts()).isTrue();
    }

    private static long[] valuesOf(CountSeries series, LocalDate day, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = series.countOn(day.minusDays(count - i)).orElse(0L);
        }
        return values;
    }

    @Test
    void theStreaksProbability_isItsExpectationOverTheIdleRatesUncertainty() {
        // 10 idle of 40 days: a rate near 1/4; a streak of 1 is about that, of 5 rarer than 0.25^5 allows for doubt.
        assertThat(IdleDays.streakProbability(40, 10, 1)).isCloseTo(10.5 / 41, within(1e-12));
        assertThat(IdleDays.streakProbability(40, 10, 5))
                .isGreaterThan(Math.pow(0.25, 5))
                .isLessThan(Math.pow(0.35, 5));
        assertThat(IdleDays.streakProbability(40, 10, 0)).isEqualTo(1.0);
    }

    private static long[] valuesBefore(LocalDate day, int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            LocalDate d = day.minusDays(count - i);
            values[i] = weekend(d) ? 0 : quiet(d, 1000);
        }
        return values;
    }

    @Test
    void aSparseProfile_keepsItsWeekendShape_whenOneWeekdayHasTooFewKnownDays() {
        long[] values = new long[42];
        LocalDate first = TUESDAY.minusDays(42);
        for (int i = 0; i < 42; i++) {
            DayOfWeek weekday = first.plusDays(i).getDayOfWeek();
            boolean idle = weekday == DayOfWeek.WEDNESDAY && i > 7 || i % 5 == 3;
            values[i] = idle ? -1 : weekend(first.plusDays(i)) ? 500 : 1000;
        }
        DayValues days = DayValues.ofValues(TUESDAY, values);

        WeekdayProfile sparse = WeekdayProfile.of(days, true);

        assertThat(sparse.pooled()).isFalse();
        assertThat(sparse.factor(DayOfWeek.SUNDAY) / sparse.factor(DayOfWeek.MONDAY))
                .isCloseTo(0.5, within(0.1));
    }

    @Test
    void aSparseProfile_withFourWeekdaysSeenOnce_keepsTheirRatios_andCountsTheirDoubt() {
        long[] values = new long[42];
        LocalDate first = TUESDAY.minusDays(42);
        for (int i = 0; i < 42; i++) {
            DayOfWeek weekday = first.plusDays(i).getDayOfWeek();
            boolean seenOnce = weekday.getValue() <= 4;
            boolean theOnce = i >= 21 && i < 28;
            values[i] = seenOnce && !theOnce ? -1 : weekend(first.plusDays(i)) ? 500 : 1000;
        }
        DayValues days = DayValues.ofValues(TUESDAY, values);

        WeekdayProfile sparse = WeekdayProfile.of(days, true);

        assertThat(sparse.pooled()).isFalse();
        assertThat(sparse.factor(DayOfWeek.SATURDAY) / sparse.factor(DayOfWeek.FRIDAY))
                .isCloseTo(0.5, within(0.1));
        assertThat(sparse.factor(DayOfWeek.MONDAY) / sparse.factor(DayOfWeek.FRIDAY))
                .as("Monday, seen once, keeps its own ratio")
                .isCloseTo(1.0, within(0.15));
        assertThat(sparse.uncertainty(DayOfWeek.MONDAY, 0.01)).isEqualTo(0.01);
        assertThat(sparse.uncertainty(DayOfWeek.FRIDAY, 0.01)).isZero();
    }

    @Test
    void aSparseWeekdaySeenTwice_isAsUncertainAsItsTwoRatiosDisagree() {
        long[] values = new long[42];
        LocalDate first = TUESDAY.minusDays(42);
        int mondays = 0;
        for (int i = 0; i < 42; i++) {
            DayOfWeek weekday = first.plusDays(i).getDayOfWeek();
            boolean monday = weekday == DayOfWeek.MONDAY;
            boolean kept = monday && (i >= 14 && mondays++ < 2);
            // One of the two Mondays kept is an incident's day at ×2.7.
            long busy = mondays == 1 ? 2700 : 1000;
            values[i] = monday && !kept ? -1 : i % 6 == 4 ? -1 : monday ? busy : 1000;
        }
        DayValues days = DayValues.ofValues(TUESDAY, values);

        WeekdayProfile sparse = WeekdayProfile.of(days, true);
        WeekdayProfile whole = WeekdayProfile.of(DayValues.ofValues(TUESDAY, valuesBefore(TUESDAY, 42)), false);

        assertThat(sparse.uncertainty(DayOfWeek.MONDAY, 0.01))
                .as("ratios ×2.7 and ×1: the factor is known to about ±45%")
                .isGreaterThan(0.15);
        assertThat(sparse.uncertainty(DayOfWeek.THURSDAY, 0.01)).isLessThan(0.001);
        assertThat(whole.uncertainty(DayOfWeek.MONDAY, 0.01)).isZero();
    }
}
