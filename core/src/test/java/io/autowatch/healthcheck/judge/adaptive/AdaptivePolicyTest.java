package io.autowatch.healthcheck.judge.adaptive;

import static io.autowatch.healthcheck.judge.adaptive.Jobs.ADAPTIVE;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.POLICY;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.TUESDAY;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.input;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.judge;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.noisy;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.quiet;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.series;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.weekend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.Expectation.Verdict;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdaptivePolicyTest {

    private static Assessment assess(long count, Function<LocalDate, Long> history) {
        return POLICY.assess(input(TUESDAY, count, history));
    }

    private static Expectation expectation(Assessment a) {
        return a.expectation().orElseThrow();
    }

    private static JobSettings settings(long minChange, String minChangePercent) {
        return new JobSettings(
                AdaptivePolicy.NAME,
                14,
                BigDecimal.valueOf(2),
                BigDecimal.valueOf(20),
                7,
                ZeroAlerts.AUTO,
                Severity.CRITICAL,
                ZoneOffset.UTC,
                42,
                JobSettings.DEFAULT_FALSE_ALARM_RATE,
                minChange,
                new BigDecimal(minChangePercent),
                new TreeSet<>());
    }

    @Nested
    class WeekdayBaseline {

        /** 1,000 a day, Tuesdays twice that. */
        private static long tuesdaysDouble(LocalDate d) {
            return quiet(d, d.getDayOfWeek() == DayOfWeek.TUESDAY ? 2000 : 1000);
        }

        @Test
        void assess_whenTuesdaysRunDouble_expectsDoubleOnATuesday() {
            Assessment usual = assess(2000, AdaptivePolicyTest.WeekdayBaseline::tuesdaysDouble);

            assertThat(usual.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(expectation(usual).expected()).isCloseTo(2000, within(60.0));
            String lastFour = List.of(7, 14, 21, 28).stream()
                    .map(i -> String.format(Locale.ROOT, "%,d", tuesdaysDouble(TUESDAY.minusDays(i))))
                    .collect(Collectors.joining(", "));
            assertThat(expectation(usual).basis()).startsWith("last 4 Tuesdays: " + lastFour + "; Tuesdays ×1.");
            assertThat(expectation(usual).lowConfidence()).isFalse();
        }

        @Test
        void assess_whenATuesdayCountsWhatOtherDaysDo_isUnhealthy() {
            Assessment low = assess(1000, AdaptivePolicyTest.WeekdayBaseline::tuesdaysDouble);

            assertThat(low.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(expectation(low).verdict()).isEqualTo(Verdict.IMPROBABLE);
        }

        @Test
        void assess_whenHistoryIsTooShortForWeekdays_poolsAllDaysAndSaysLowConfidence() {
            Assessment a = assess(1000, d -> d.isBefore(TUESDAY.minusDays(10)) ? null : quiet(d, 1000));

            assertThat(a.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(expectation(a).lowConfidence()).isTrue();
            assertThat(expectation(a).basis()).contains("all days pooled (low confidence)");
            assertThat(expectation(a).expected()).isCloseTo(1000, within(30.0));
        }

        @Test
        void assess_whenFewerKnownDaysThanMinHistory_isInsufficientHistory() {
            Assessment a = assess(1000, d -> d.isBefore(TUESDAY.minusDays(5)) ? null : quiet(d, 1000));

            assertThat(a.status()).isEqualTo(HealthStatus.INSUFFICIENT_HISTORY);
            assertThat(a.expectation()).isEmpty();
        }
    }

    @Nested
    class Overdispersion {

        @Test
        void assess_whenTheSameDayComesToAQuietAndANoisyJob_judgesEachByItsOwnNoise() {
            Assessment quietJob = assess(12_500, d -> quiet(d, 10_000));
            Assessment noisyJob = assess(12_500, d -> noisy(d, 10_000));

            assertThat(quietJob.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(noisyJob.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(expectation(noisyJob).high())
                    .isGreaterThan(expectation(quietJob).high() + 1000);
        }

        @Test
        void assess_whenTheJobIsNoisy_measuresAboutItsSwing() {
            Assessment a = assess(10_000, d -> noisy(d, 10_000));

            // The ±15% wobble has a CV of about 12%; the estimate is widened a little for the few days it rests on.
            assertThat(expectation(a).basis()).containsPattern("day-to-day noise ±1[2-6]% beyond counting noise");
        }

        @Test
        void assess_whenAJobCountsThreeADay_judgesByCountingNoise() {
            Assessment a = assess(7, d -> 3L);

            // Poisson(3) gives 7 or more about 1 day in 30; counted both ways and widened for a short look-back, about
            // 1 day in 10: no alarm, where a job at 3,000 a day would page for a day at 7,000.
            assertThat(a.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(expectation(a).probability()).isBetween(0.05, 0.15);
            assertThat(assess(7_000, d -> 3_000L).status()).isEqualTo(HealthStatus.UNHEALTHY);
        }
    }

    @Nested
    class ZeroDays {

        private static Long weekdaysOnly(LocalDate d) {
            return weekend(d) ? null : quiet(d, 1000);
        }

        @Test
        void assess_whenAJobThatNeverRunsOnSundaysCountsNothingOnASunday_isAQuietZero() {
            LocalDate sunday = TUESDAY.minusDays(2);
            CountSeries series = series(sunday.minusDays(60), sunday, ZeroDays::weekdaysOnly);

            var judged = judge(series, sunday, ADAPTIVE);

            assertThat(judged.assessment().status()).isEqualTo(HealthStatus.ZERO);
            assertThat(expectation(judged.assessment()).verdict()).isEqualTo(Verdict.USUAL);
            assertThat(expectation(judged.assessment()).explanation()).contains("zeros are usual");
            assertThat(judged.alerts()).isFalse();
        }

        @Test
        void assess_whenTheJobDied_alertsOnEveryMissingDay() {
            LocalDate died = TUESDAY.minusDays(4);
            CountSeries series = series(died.minusDays(60), TUESDAY, d -> d.isBefore(died) ? quiet(d, 1000) : null);

            for (LocalDate day = died; !day.isAfter(TUESDAY); day = day.plusDays(1)) {
                var judged = judge(series, day, ADAPTIVE);
                assertThat(judged.assessment().status()).as(day.toString()).isEqualTo(HealthStatus.ZERO);
                assertThat(judged.alerts()).as(day.toString()).isTrue();
            }
            var last = expectation(judge(series, TUESDAY, ADAPTIVE).assessment());
            assertThat(last.explanation())
                    .startsWith("Counted nothing, expected")
                    .contains("−100% (×0)");
        }

        @Test
        void assess_whenASmallJobHasAZero_doesNotAlert() {
            CountSeries series = series(TUESDAY.minusDays(60), TUESDAY, d -> d.equals(TUESDAY) ? 0L : 2L);

            var judged = judge(series, TUESDAY, ADAPTIVE);

            assertThat(judged.assessment().status()).isEqualTo(HealthStatus.ZERO);
            assertThat(judged.alerts()).isFalse();
            assertThat(expectation(judged.assessment()).explanation())
                    .containsPattern("a zero comes about 1 day in [5-9] ");
        }
    }

    @Nested
    class LowVolume {

        /** About 12 a day for weeks, then 2 a day for the last 6 days (today included). */
        private static long sliding(LocalDate d) {
            if (!d.isBefore(TUESDAY.minusDays(5))) {
                return 2;
            }
            return new long[] {10, 14, 12, 12, 10, 14, 12}[(int) Math.floorMod(d.toEpochDay(), 7L)];
        }

        @Test
        void assess_whenASmallJobDropsForDays_theSumAlertsThoughNoSingleDayDoes() {
            Assessment a = assess(2, LowVolume::sliding);

            assertThat(a.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(expectation(a).explanation()).startsWith("The last ").contains("though no single day is");
            // One such day alone is no alarm: Poisson(12) gives 2 or fewer about 1 day in 2,000.
            Assessment oneDay = assess(2, d -> sliding(TUESDAY.minusDays(30)));
            assertThat(oneDay.status()).isEqualTo(HealthStatus.HEALTHY);
        }

        @Test
        void assess_whenASmallJobHasOneLowDay_doesNotAlert() {
            Assessment a = assess(2, d -> new long[] {5, 7, 6, 6, 5, 7, 6}[(int) Math.floorMod(d.toEpochDay(), 7L)]);

            assertThat(a.status()).isEqualTo(HealthStatus.HEALTHY);
        }
    }

    @Nested
    class LevelShift {

        @Test
        void judge_whenTheLevelRisesByHalfAndStays_alertsThreeDaysThenReAnchors() {
            LocalDate shift = TUESDAY.minusDays(3);
            CountSeries series =
                    series(shift.minusDays(60), TUESDAY, d -> quiet(d, d.isBefore(shift) ? 10_000 : 15_000));

            List<HealthStatus> statuses = List.of(0, 1, 2, 3).stream()
                    .map(i -> judge(series, shift.plusDays(i), ADAPTIVE)
                            .assessment()
                            .status())
                    .toList();

            assertThat(statuses)
                    .containsExactly(
                            HealthStatus.UNHEALTHY,
                            HealthStatus.UNHEALTHY,
                            HealthStatus.UNHEALTHY,
                            HealthStatus.HEALTHY);
            assertThat(expectation(judge(series, TUESDAY, ADAPTIVE).assessment())
                            .basis())
                    .contains("re-anchored on " + shift.plusDays(2) + " after 3 days at a new level");
        }

        @Test
        void judge_whenTheJobStopsForDays_neverReAnchorsToNothing() {
            LocalDate stop = TUESDAY.minusDays(6);
            CountSeries series = series(stop.minusDays(60), TUESDAY, d -> d.isBefore(stop) ? quiet(d, 10_000) : 0L);

            Assessment a = judge(series, TUESDAY, ADAPTIVE).assessment();

            assertThat(expectation(a).expected()).isCloseTo(10_000, within(500.0));
            assertThat(expectation(a).basis()).doesNotContain("re-anchored");
        }

        @Test
        void judge_whenOneDayWasAnIncident_doesNotLearnFromIt() {
            LocalDate spike = TUESDAY.minusDays(7);
            CountSeries series =
                    series(spike.minusDays(60), TUESDAY, d -> d.equals(spike) ? 30_000L : quiet(d, 10_000));

            Assessment a = judge(series, TUESDAY, ADAPTIVE).assessment();

            assertThat(judge(series, spike, ADAPTIVE).assessment().status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(expectation(a).expected()).isCloseTo(10_000, within(200.0));
            assertThat(expectation(a).basis()).containsPattern("noise ±[0-4]\\.");
        }
    }

    @Nested
    class ExcludedDates {

        @Test
        void assess_whenTheDayIsExcluded_neverAlertsEvenWithZeroAlertsAlways() {
            JobSettings always = withZeroAlertsAlways(ADAPTIVE.withExcludedDates(Set.of(TUESDAY)));
            CountSeries series = series(TUESDAY.minusDays(60), TUESDAY, d -> d.equals(TUESDAY) ? 0L : quiet(d, 1000));

            var judged = Jobs.judge(series, TUESDAY, always);

            assertThat(judged.assessment().status()).isEqualTo(HealthStatus.ZERO);
            assertThat(expectation(judged.assessment()).verdict()).isEqualTo(Verdict.EXCLUDED);
            assertThat(expectation(judged.assessment()).explanation()).contains("is an excluded date");
            assertThat(judged.alerts()).isFalse();
        }

        @Test
        void assess_whenAHolidayInTheHistoryIsExcluded_learnsNothingFromIt() {
            LocalDate holiday = TUESDAY.minusDays(2);
            Function<LocalDate, Long> withHoliday = d -> d.equals(holiday) ? 300L : quiet(d, 1000);
            JobSettings excluding = ADAPTIVE.withExcludedDates(Set.of(holiday));

            Assessment excluded = POLICY.assess(
                    new HealthPolicy.Input(TUESDAY, 1000, Jobs.before(TUESDAY, 42, withHoliday), excluding));
            Assessment clean = assess(1000, d -> quiet(d, 1000));

            assertThat(excluded.history()).extracting(DayCount::day).doesNotContain(holiday);
            assertThat(expectation(excluded).expected())
                    .isCloseTo(expectation(clean).expected(), within(5.0));
        }

        static JobSettings withZeroAlertsAlways(JobSettings s) {
            return new JobSettings(
                    s.policy(),
                    s.window(),
                    s.sigmas(),
                    s.percent(),
                    s.minHistory(),
                    ZeroAlerts.ALWAYS,
                    s.severity(),
                    s.timeZone(),
                    s.lookbackDays(),
                    s.falseAlarmRate(),
                    s.minChange(),
                    s.minChangePercent(),
                    s.excludedDates(),
                    s.expectedLowDates());
        }
    }

    @Nested
    class ExpectedLowDates {

        @Test
        void assess_whenADropFallsOnAnExpectedLowDate_saysSoAndDoesNotAlert() {
            JobSettings holiday = ADAPTIVE.withExpectedLowDates(Set.of(TUESDAY));

            Assessment low = POLICY.assess(
                    new HealthPolicy.Input(TUESDAY, 300, Jobs.before(TUESDAY, 42, d -> quiet(d, 1000)), holiday));
            Assessment sameDropOnAUsualDay = assess(300, d -> quiet(d, 1000));

            assertThat(sameDropOnAUsualDay.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(low.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(expectation(low).verdict()).isEqualTo(Verdict.EXPECTED_LOW);
            assertThat(expectation(low).explanation())
                    .contains("−70%")
                    .contains("is an expected-low date")
                    .contains("a rise would");
        }

        @Test
        void assess_whenAZeroFallsOnAnExpectedLowDate_neverAlertsEvenWithZeroAlertsAlways() {
            JobSettings holiday = ExcludedDates.withZeroAlertsAlways(ADAPTIVE.withExpectedLowDates(Set.of(TUESDAY)));
            CountSeries series = series(TUESDAY.minusDays(60), TUESDAY, d -> d.equals(TUESDAY) ? 0L : quiet(d, 1000));

            var judged = Jobs.judge(series, TUESDAY, holiday);

            assertThat(judged.assessment().status()).isEqualTo(HealthStatus.ZERO);
            assertThat(expectation(judged.assessment()).verdict()).isEqualTo(Verdict.EXPECTED_LOW);
            assertThat(judged.alerts()).isFalse();
        }

        @Test
        void assess_whenARiseFallsOnAnExpectedLowDate_stillAlerts() {
            JobSettings holiday = ADAPTIVE.withExpectedLowDates(Set.of(TUESDAY));

            Assessment doubled = POLICY.assess(
                    new HealthPolicy.Input(TUESDAY, 3000, Jobs.before(TUESDAY, 42, d -> quiet(d, 1000)), holiday));

            assertThat(doubled.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(expectation(doubled).verdict()).isEqualTo(Verdict.IMPROBABLE);
        }

        @Test
        void assess_whenAnExpectedLowDateIsInTheHistory_learnsNothingFromIt() {
            LocalDate holiday = TUESDAY.minusDays(2);
            Function<LocalDate, Long> withHoliday = d -> d.equals(holiday) ? 300L : quiet(d, 1000);

            Assessment skipping = POLICY.assess(new HealthPolicy.Input(
                    TUESDAY,
                    1000,
                    Jobs.before(TUESDAY, 42, withHoliday),
                    ADAPTIVE.withExpectedLowDates(Set.of(holiday))));
            Assessment learning = POLICY.assess(
                    new HealthPolicy.Input(TUESDAY, 1000, Jobs.before(TUESDAY, 42, withHoliday), ADAPTIVE));

            assertThat(skipping.history()).extracting(DayCount::day).doesNotContain(holiday);
            assertThat(learning.history()).extracting(DayCount::day).contains(holiday);
        }
    }

    @Nested
    class Floor {

        @Test
        void assess_whenABusyJobIsOffByLessThanTheRelativeFloor_staysHealthy() {
            Function<LocalDate, Long> steady = d -> quiet(d, 1_000_000);

            Assessment coarse = POLICY.assess(
                    new HealthPolicy.Input(TUESDAY, 870_000, Jobs.before(TUESDAY, 42, steady), settings(5, "20")));
            Assessment finer = POLICY.assess(
                    new HealthPolicy.Input(TUESDAY, 870_000, Jobs.before(TUESDAY, 42, steady), settings(5, "1")));

            assertThat(coarse.status())
                    .as("−13% is improbable here, but under a 20% floor")
                    .isEqualTo(HealthStatus.HEALTHY);
            Assessment defaults = coarse;
            assertThat(expectation(defaults).probability()).isLessThan(1e-5);
            assertThat(finer.status()).isEqualTo(HealthStatus.UNHEALTHY);
        }

        @Test
        void assess_whenARareJobIsOffByFewerCountsThanTheAbsoluteFloor_staysHealthy() {
            // One count every ten days: 4 in a day is improbable, but only 4 more than expected.
            Function<LocalDate, Long> rare = d -> Math.floorMod(d.toEpochDay(), 10) == 0 ? 1L : 0L;

            Assessment defaults = assess(4, rare);
            Assessment noFloor =
                    POLICY.assess(new HealthPolicy.Input(TUESDAY, 4, Jobs.before(TUESDAY, 42, rare), settings(0, "0")));

            assertThat(defaults.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(noFloor.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(expectation(defaults).probability())
                    .as("improbable by the numbers alone")
                    .isLessThan(JobSettings.DEFAULT_FALSE_ALARM_RATE.doubleValue() / 2);
        }
    }

    @Nested
    class Explanation {

        @Test
        void assess_whenADayIsFarBelow_explainsWithExpectationRangeChangeAndRarity() {
            Assessment a = assess(400, d -> quiet(d, 1000));

            assertThat(expectation(a).explanation())
                    .startsWith("Counted 400, expected ")
                    .containsPattern(" around 1,0\\d\\d: −60% \\(×0.4\\), ")
                    .endsWith("by this job's own noise.");
            assertThat(a.bands()).hasValueSatisfying(b -> assertThat(b.mean()).isCloseTo(1000, within(20.0)));
        }

        @Test
        void daySentence_forASmallExpectation_readsAsPeopleWriteNumbers() {
            CountModel model = new CountModel(1.8, 0);

            assertThat(Basis.daySentence(0, 1.8, 0, 7, model.twoSided(0), model, false))
                    .isEqualTo(
                            "Counted nothing, expected 0 to 7 around 1.8: a zero comes about 1 day in 6 for this job.");
            assertThat(Basis.daySentence(23, 10, 2, 20, 1e-6, model, true))
                    .isEqualTo("Counted 23, expected 2 to 20 around 10: +130% (×2.3), about 1 day in 1,000,000 by this "
                            + "job's own noise.");
        }
    }
}
