package io.autowatch.healthcheck.judge.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.Bands;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import io.autowatch.healthcheck.judge.Policies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassicPolicyTest {

    /** Classic's rule, pinned: the built-in default is adaptive. */
    private static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final ClassicPolicy POLICY = new ClassicPolicy();

    /** Five days, mean 1000, sample σ exactly 150: ±2σ is 700..1300, wider than ±20% (800..1200). */
    private static final List<Long> WIDE_SIGMA = List.of(850L, 1150L, 1000L, 850L, 1150L);
    /** Five days, mean 1000, sample σ exactly 50: ±2σ is 900..1100, narrower than ±20% (800..1200). */
    private static final List<Long> NARROW_SIGMA = List.of(950L, 1050L, 1000L, 950L, 1050L);

    private static final JobSettings FIVE_DAYS = new JobSettings(
            "classic",
            5,
            BigDecimal.valueOf(2),
            BigDecimal.valueOf(20),
            5,
            ZeroAlerts.AUTO,
            Severity.CRITICAL,
            ZoneOffset.UTC,
            42);

    /** The given counts on the days before {@link #DAY}, most recent first. */
    private static List<DayCount> daysBefore(List<Long> counts) {
        List<DayCount> days = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            days.add(new DayCount(DAY.minusDays(i + 1L), counts.get(i)));
        }
        return days;
    }

    private static Assessment assess(long count, List<Long> history, JobSettings settings) {
        return POLICY.assess(new HealthPolicy.Input(DAY, count, daysBefore(history), settings));
    }

    @Nested
    class Boundaries {

        @ParameterizedTest(name = "count {0} with ±2σ = 700..1300 and ±20% = 800..1200 is {1}")
        @CsvSource({
            "1300, HEALTHY", // exactly +2σ: on the edge is inside
            "1301, UNHEALTHY",
            "700, HEALTHY", // exactly −2σ
            "699, UNHEALTHY",
            "1250, HEALTHY", // outside ±20% but inside ±2σ: the AND keeps it healthy
            "750, HEALTHY",
        })
        void classify_whenSigmaBandIsWider_itDecides(long count, HealthStatus expected) {
            assertThat(assess(count, WIDE_SIGMA, FIVE_DAYS).status()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "count {0} with ±2σ = 900..1100 and ±20% = 800..1200 is {1}")
        @CsvSource({
            "1200, HEALTHY", // exactly +20%
            "1201, UNHEALTHY",
            "800, HEALTHY", // exactly −20%
            "799, UNHEALTHY",
            "1150, HEALTHY", // outside ±2σ but inside ±20%
            "850, HEALTHY",
        })
        void classify_whenPercentBandIsWider_itDecides(long count, HealthStatus expected) {
            assertThat(assess(count, NARROW_SIGMA, FIVE_DAYS).status()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "flat history (σ = 0), count {0} is {1}")
        @CsvSource({
            "1000, HEALTHY",
            "1001, HEALTHY",
            "1200, HEALTHY",
            "1201, UNHEALTHY",
            "800, HEALTHY",
            "799, UNHEALTHY"
        })
        void classify_whenSigmaIsZero_thePercentBandDecides(long count, HealthStatus expected) {
            Assessment a = assess(count, List.of(1000L, 1000L, 1000L, 1000L, 1000L), FIVE_DAYS);
            assertThat(a.status()).isEqualTo(expected);
            assertThat(a.bands().orElseThrow().sigma()).isZero();
        }

        @Test
        void classify_withDecimalSettings_comparesExactly() {
            JobSettings settings = new JobSettings(
                    "classic",
                    5,
                    new BigDecimal("2.5"),
                    new BigDecimal("12.5"),
                    5,
                    ZeroAlerts.AUTO,
                    Severity.CRITICAL,
                    ZoneOffset.UTC,
                    42);
            // σ = 50, so ±2.5σ = 875..1125, and ±12.5% = 875..1125: both edges meet at 1125.
            assertThat(assess(1125, NARROW_SIGMA, settings).status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(assess(1126, NARROW_SIGMA, settings).status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(assess(875, NARROW_SIGMA, settings).status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(assess(874, NARROW_SIGMA, settings).status()).isEqualTo(HealthStatus.UNHEALTHY);
        }
    }

    @Nested
    class History {

        @Test
        void classify_whenCountIsZero_isZeroWhateverTheHistory() {
            assertThat(assess(0, WIDE_SIGMA, FIVE_DAYS).status()).isEqualTo(HealthStatus.ZERO);
            assertThat(assess(0, List.of(), FIVE_DAYS).status()).isEqualTo(HealthStatus.ZERO);
        }

        @Test
        void classify_whenFewerDaysThanMinimum_isInsufficient() {
            assertThat(assess(1000, List.of(1000L, 1000L, 1000L, 1000L), FIVE_DAYS)
                            .status())
                    .isEqualTo(HealthStatus.INSUFFICIENT_HISTORY);
            assertThat(assess(5000, List.of(1000L, 1000L, 1000L, 1000L, 1000L), FIVE_DAYS)
                            .status())
                    .isEqualTo(HealthStatus.UNHEALTHY);
        }

        @Test
        void classify_whenHistoryIsAllZeros_hasNoHistory() {
            Assessment a = assess(1000, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), FIVE_DAYS);
            assertThat(a.status()).isEqualTo(HealthStatus.INSUFFICIENT_HISTORY);
            assertThat(a.history()).isEmpty();
            assertThat(a.bands()).isEmpty();
            assertThat(assess(0, List.of(0L, 0L, 0L, 0L, 0L, 0L), FIVE_DAYS).status())
                    .isEqualTo(HealthStatus.ZERO);
        }

        @Test
        void history_skipsZeroDaysAndKeepsTheMostRecentWindow() {
            // Zero days between are skipped; the five most recent non-zero days are used, the sixth is ignored.
            List<Long> counts = List.of(1000L, 0L, 1000L, 0L, 0L, 1000L, 1000L, 1000L, 99_999L);
            Assessment a = assess(1000, counts, FIVE_DAYS);
            assertThat(a.history()).extracting(DayCount::count).containsExactly(1000L, 1000L, 1000L, 1000L, 1000L);
            assertThat(a.history().getFirst().day()).isEqualTo(DAY.minusDays(1));
            assertThat(a.history().getLast().day()).isEqualTo(DAY.minusDays(8));
            assertThat(a.bands().orElseThrow().sigma()).isZero();
        }

        @Test
        void history_ignoresDaysBeyondTheLookBack() {
            JobSettings shortLookBack = new JobSettings(
                    "classic",
                    5,
                    BigDecimal.valueOf(2),
                    BigDecimal.valueOf(20),
                    5,
                    ZeroAlerts.AUTO,
                    Severity.CRITICAL,
                    ZoneOffset.UTC,
                    6);
            List<DayCount> previous = List.of(
                    new DayCount(DAY.minusDays(1), 1000),
                    new DayCount(DAY.minusDays(2), 1000),
                    new DayCount(DAY.minusDays(6), 1000),
                    new DayCount(DAY.minusDays(7), 1000),
                    new DayCount(DAY.minusDays(8), 1000));
            Assessment a = POLICY.assess(new HealthPolicy.Input(DAY, 1000, previous, shortLookBack));
            assertThat(a.history()).hasSize(3);
            assertThat(a.status()).isEqualTo(HealthStatus.INSUFFICIENT_HISTORY);
        }

        @Test
        void history_ignoresTheCheckedDayAndLaterDays() {
            List<DayCount> previous = List.of(new DayCount(DAY.plusDays(1), 5), new DayCount(DAY, 5));
            Assessment a = POLICY.assess(new HealthPolicy.Input(DAY, 1000, previous, FIVE_DAYS));
            assertThat(a.history()).isEmpty();
        }
    }

    @Nested
    class Statistics {

        /** Checked against Python's statistics.mean / statistics.stdev (sample) on the same 14 numbers. */
        @Test
        void bands_ofFourteenDays_matchHandComputedValues() {
            List<Long> history = List.of(
                    9210L, 9050L, 8870L, 9400L, 9120L, 8990L, 9310L, 9080L, 8760L, 9500L, 9150L, 9020L, 8940L, 9260L);
            Assessment a = assess(9300, history, CLASSIC);
            Bands b = a.bands().orElseThrow();
            assertThat(b.historySize()).isEqualTo(14);
            assertThat(b.mean()).isCloseTo(9118.57142857143, within(1e-9));
            assertThat(b.sigma()).isCloseTo(204.8210154052761, within(1e-9));
            assertThat(b.sigmaLow()).isCloseTo(8708.929397760878, within(1e-9));
            assertThat(b.sigmaHigh()).isCloseTo(9528.213459381981, within(1e-9));
            assertThat(b.percentLow()).isCloseTo(7294.857142857144, within(1e-9));
            assertThat(b.percentHigh()).isCloseTo(10942.285714285716, within(1e-9));
            assertThat(a.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(assess(10943, history, CLASSIC).status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(assess(7294, history, CLASSIC).status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(assess(10942, history, CLASSIC).status()).isEqualTo(HealthStatus.HEALTHY);
        }

        @Test
        void sigma_isTheSampleDeviation() {
            JobSettings two = new JobSettings(
                    "classic",
                    2,
                    BigDecimal.valueOf(2),
                    BigDecimal.valueOf(20),
                    2,
                    ZeroAlerts.AUTO,
                    Severity.CRITICAL,
                    ZoneOffset.UTC,
                    42);
            // [8, 12]: population σ = 2, sample σ = √8 ≈ 2.828.
            assertThat(assess(10, List.of(8L, 12L), two).bands().orElseThrow().sigma())
                    .isCloseTo(2.8284271247461903, within(1e-12));
        }

        @Test
        void classify_withHugeCounts_doesNotOverflow() {
            long big = 900_000_000_000_000L;
            List<Long> history = List.of(big, big + 10, big - 10, big, big + 5);
            assertThat(assess(big, history, FIVE_DAYS).status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(assess(big * 2 / 3, history, FIVE_DAYS).status()).isEqualTo(HealthStatus.UNHEALTHY);
        }
    }

    @Test
    void assessment_recordsThePolicyName() {
        assertThat(assess(1000, WIDE_SIGMA, FIVE_DAYS).policy()).isEqualTo("classic");
        assertThat(Policies.standard().named("classic")).containsInstanceOf(ClassicPolicy.class);
    }
}
