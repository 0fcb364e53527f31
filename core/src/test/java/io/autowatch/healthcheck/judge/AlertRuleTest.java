package io.autowatch.healthcheck.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRuleTest {

    /** Classic's rule, pinned: the built-in default is adaptive. */
    private static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    private static Assessment assessment(LocalDate day, HealthStatus status) {
        return new Assessment(
                day, status == HealthStatus.ZERO ? 0 : 10, status, "classic", Optional.empty(), List.of());
    }

    private static JobSettings zeroAlerts(ZeroAlerts mode) {
        return new JobSettings(
                "classic",
                14,
                JobSettings.DEFAULTS.sigmas(),
                JobSettings.DEFAULTS.percent(),
                7,
                mode,
                Severity.CRITICAL,
                ZoneOffset.UTC,
                42);
    }

    /** Four weeks before {@code day}: 100 on weekdays, nothing recorded at weekends (as a weekday-only job writes). */
    private static List<DayCount> weekdaysOnly(LocalDate day) {
        List<DayCount> days = new ArrayList<>();
        for (LocalDate d = day.minusDays(28); d.isBefore(day); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend) {
                days.add(new DayCount(d, 100));
            }
        }
        return days;
    }

    private static List<DayCount> everyDay(LocalDate day, int days) {
        List<DayCount> result = new ArrayList<>();
        for (int i = 1; i <= days; i++) {
            result.add(new DayCount(day.minusDays(i), 100));
        }
        return result;
    }

    @Test
    void unhealthy_alwaysAlerts_andHealthyOrInsufficientNever() {
        JobSettings s = CLASSIC;
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.UNHEALTHY), s, List.of()))
                .isTrue();
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.HEALTHY), s, List.of()))
                .isFalse();
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.INSUFFICIENT_HISTORY), s, List.of()))
                .isFalse();
    }

    @Test
    void zero_withAlwaysOrNever_followsTheSetting() {
        List<DayCount> weekdays = weekdaysOnly(MONDAY);
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.ALWAYS), weekdays))
                .isTrue();
        assertThat(AlertRule.alerts(
                        assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.NEVER), everyDay(MONDAY, 20)))
                .isFalse();
    }

    @Test
    void zeroAuto_forAJobThatNeverHadAZeroDay_alertsOnTheFirst() {
        assertThat(AlertRule.alerts(
                        assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), everyDay(MONDAY, 20)))
                .isTrue();
    }

    @Test
    void zeroAuto_forAWeekdayJob_isQuietAtTheWeekendAndAlertsOnADeadMonday() {
        LocalDate sunday = MONDAY.minusDays(1);
        List<DayCount> beforeSunday = weekdaysOnly(sunday);
        assertThat(AlertRule.alerts(assessment(sunday, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), beforeSunday))
                .as("a Sunday without work is normal for this job")
                .isFalse();
        assertThat(AlertRule.alerts(
                        assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), weekdaysOnly(MONDAY)))
                .as("Saturday, Sunday and Monday: the longest run yet")
                .isTrue();
    }

    @Test
    void zeroAuto_forADeadJob_keepsAlertingEveryDay() {
        List<DayCount> recorded = everyDay(MONDAY.minusDays(3), 20);
        // The job wrote nothing on the three days before MONDAY: each further day lengthens the run.
        for (int late = 0; late <= 3; late++) {
            LocalDate day = MONDAY.minusDays(3).plusDays(late);
            assertThat(AlertRule.alerts(assessment(day, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), recorded))
                    .as("dead for %d days", late + 1)
                    .isTrue();
        }
    }

    @Test
    void zeroAuto_forALowVolumeJobWithPairsOfZeroDays_alertsOnlyOnALongerRun() {
        List<DayCount> recorded = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            // Every fifth and sixth day is a recorded zero: runs of two.
            recorded.add(new DayCount(MONDAY.minusDays(i + 2L), i % 5 == 0 || i % 5 == 1 ? 0 : 3));
        }
        recorded.add(new DayCount(MONDAY.minusDays(2), 0));
        recorded.add(new DayCount(MONDAY.minusDays(1), 3));
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), recorded))
                .as("a run of one")
                .isFalse();
        recorded.removeLast();
        recorded.add(new DayCount(MONDAY.minusDays(1), 0));
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), recorded))
                .as("a run of four after runs of two at most")
                .isTrue();
    }

    @Test
    void zeroAuto_daysBeforeTheFirstRecordAreNotZeros() {
        // A job that started three days ago and has never been idle: its first zero alerts.
        List<DayCount> recorded = everyDay(MONDAY, 3);
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), recorded))
                .isTrue();
        assertThat(AlertRule.alerts(assessment(MONDAY, HealthStatus.ZERO), zeroAlerts(ZeroAlerts.AUTO), List.of()))
                .isTrue();
    }
}
