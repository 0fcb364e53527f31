package io.autowatch.healthcheck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.Expectation.Verdict;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.judge.AlertRule;
import io.autowatch.healthcheck.judge.DayJudge;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.run.DueNotifications;
import io.autowatch.healthcheck.settings.Scope.AllJobs;
import io.autowatch.healthcheck.settings.Scope.Job;
import io.autowatch.healthcheck.settings.Scope.Prefix;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The adaptive policy's settings and its branch of the alert rule; classic's behaviour is in the other tests. */
class AdaptiveSettingsTest {

    private static final JobId JOB = JobId.of("email/daily-active/IN");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 17);

    private static Assessment zero(Verdict verdict) {
        Expectation e =
                new Expectation(100, 80, 120, verdict == Verdict.IMPROBABLE ? 1e-9 : 0.5, verdict, "b", "e", false);
        return new Assessment(DAY, 0, HealthStatus.ZERO, "adaptive", Optional.empty(), List.of(), Optional.of(e));
    }

    @Test
    void alerts_whenAdaptiveCallsAZeroImprobable_alertsUnderAuto_andNotWhenUsual() {
        // A history in which classic's run rule would say the opposite: zeros were common, and this is the first.
        List<DayCount> zerosBefore = List.of(new DayCount(DAY.minusDays(2), 0), new DayCount(DAY.minusDays(3), 0));
        List<DayCount> neverZero = List.of(new DayCount(DAY.minusDays(1), 100), new DayCount(DAY.minusDays(2), 100));

        assertThat(AlertRule.alerts(zero(Verdict.IMPROBABLE), JobSettings.DEFAULTS, zerosBefore))
                .isTrue();
        assertThat(AlertRule.alerts(zero(Verdict.USUAL), JobSettings.DEFAULTS, neverZero))
                .isFalse();
    }

    @Test
    void alerts_whenTheDayIsExcluded_neverAlerts_butNeverStillSilencesAndAlwaysStillAlerts() {
        JobSettings always = settingsWith(SettingsOverride.empty(new Job(JOB)).withZeroAlerts(ZeroAlerts.ALWAYS));
        JobSettings never = settingsWith(SettingsOverride.empty(new Job(JOB)).withZeroAlerts(ZeroAlerts.NEVER));

        assertThat(AlertRule.alerts(zero(Verdict.EXCLUDED), always, List.of())).isFalse();
        assertThat(AlertRule.alerts(zero(Verdict.USUAL), always, List.of())).isTrue();
        assertThat(AlertRule.alerts(zero(Verdict.IMPROBABLE), never, List.of())).isFalse();
    }

    @Test
    void resolve_excludedDatesAddUpFromTheDeploymentCalendarToTheJob() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        LocalDate launch = LocalDate.of(2026, 11, 27);
        SettingsBook book = new SettingsBook(List.of(
                SettingsOverride.empty(new AllJobs()).withExcludedDates(Set.of(christmas)),
                SettingsOverride.empty(new Job(JOB))
                        .withExcludedDates(Set.of(launch))
                        .withPolicy("classic")));

        JobSettings job = ((SettingsBook.Resolved) book.resolve(JOB)).settings();
        JobSettings other = ((SettingsBook.Resolved) book.resolve(JobId.of("sms/x"))).settings();

        assertThat(job.excludedDates()).containsExactly(launch, christmas);
        assertThat(job.policy()).as("the job went back to classic").isEqualTo("classic");
        assertThat(other.excludedDates()).containsExactly(christmas);
        assertThat(other.policy()).as("the default").isEqualTo("adaptive");
    }

    @Test
    void
            alerts_aZeroOnAnExpectedLowOrExcludedDate_whileAdaptivesHistoryIsShort_neverAlerts_butClassicIgnoresTheCalendar() {
        Assessment shortHistory =
                new Assessment(DAY, 0, HealthStatus.ZERO, "adaptive", Optional.empty(), List.of(), Optional.empty());
        Assessment classic =
                new Assessment(DAY, 0, HealthStatus.ZERO, "classic", Optional.empty(), List.of(), Optional.empty());
        JobSettings always = settingsWith(SettingsOverride.empty(new Job(JOB)).withZeroAlerts(ZeroAlerts.ALWAYS));

        assertThat(AlertRule.alerts(shortHistory, always.withExpectedLowDates(Set.of(DAY)), List.of()))
                .isFalse();
        assertThat(AlertRule.alerts(shortHistory, always.withExcludedDates(Set.of(DAY)), List.of()))
                .isFalse();
        assertThat(AlertRule.alerts(shortHistory, always, List.of())).isTrue();
        assertThat(AlertRule.alerts(classic, always.withExpectedLowDates(Set.of(DAY)), List.of()))
                .isTrue();
    }

    @Test
    void dueNotices_aHealthyLookingHolidayInTheMiddleOfAnIncident_isNoRecovery() {
        JobId job = JobId.of("email/x");
        var incident =
                new OpenIncident(job, DAY.minusDays(3), DAY.minusDays(1), Severity.CRITICAL, HealthStatus.UNHEALTHY);
        Expectation low = new Expectation(100, 80, 120, 0.5, Verdict.EXPECTED_LOW, "b", "e", false);
        Expectation usual = new Expectation(100, 80, 120, 0.5, Verdict.USUAL, "b", "e", false);
        Function<Expectation, CheckResult> healthy = e -> new CheckResult.Checked(
                job,
                new Assessment(DAY, 60, HealthStatus.HEALTHY, "adaptive", Optional.empty(), List.of(), Optional.of(e)),
                JobSettings.DEFAULTS,
                false,
                Instant.EPOCH);

        assertThat(DueNotifications.of(List.of(healthy.apply(low)), Map.of(job, incident), Instant.EPOCH))
                .as("a drop on an expected-low date says nothing about recovery")
                .isEmpty();
        assertThat(DueNotifications.of(List.of(healthy.apply(usual)), Map.of(job, incident), Instant.EPOCH))
                .hasSize(1);
    }

    @Test
    void resolve_expectedLowDatesAddUpAcrossLayers_besideTheExcludedOnes() {
        LocalDate christmasEve = LocalDate.of(2026, 12, 24);
        LocalDate sale = LocalDate.of(2026, 11, 27);
        SettingsBook book = new SettingsBook(List.of(
                SettingsOverride.empty(new AllJobs()).withExpectedLowDates(Set.of(christmasEve)),
                SettingsOverride.empty(new Prefix("email/")).withExcludedDates(Set.of(sale)),
                SettingsOverride.empty(new Job(JOB)).withExpectedLowDates(Set.of(sale.plusDays(1)))));

        JobSettings job = ((SettingsBook.Resolved) book.resolve(JOB)).settings();

        assertThat(job.expectedLowDates()).containsExactly(sale.plusDays(1), christmasEve);
        assertThat(job.excludedDates()).containsExactly(sale);
        assertThat(job.unlearned(christmasEve)).isTrue();
        assertThat(job.unlearned(sale)).isTrue();
        assertThat(job.unlearned(christmasEve.plusDays(3))).isFalse();
        assertThat(JobSettings.DEFAULTS.expectedLowDates()).isEmpty();
    }

    @Test
    void resolve_adaptiveDefaultsAreTheDocumentedOnes_andInvalidValuesNameTheField() {
        JobSettings s = JobSettings.DEFAULTS;
        assertThat(s.falseAlarmRate()).isEqualByComparingTo("0.0001");
        assertThat(s.minChange()).isEqualTo(5);
        assertThat(s.minChangePercent()).isEqualByComparingTo("10");
        assertThat(s.excludedDates()).isEmpty();

        var bad = new SettingsBook(
                        List.of(SettingsOverride.empty(new Job(JOB)).withFalseAlarmRate(new BigDecimal("0.5"))))
                .resolve(JOB);
        assertThat(((SettingsBook.Unresolvable) bad).reason()).contains("falseAlarmRate");
    }

    @Test
    void standard_namesAdaptive_andAJobThatAsksForItIsJudgedByIt() {
        JobSettings s = settingsWith(SettingsOverride.empty(new Job(JOB)).withPolicy("adaptive"));
        HealthPolicy policy = Policies.standard().named(s.policy()).orElseThrow();
        var series = CountSeries.covering(DAY.minusDays(42), 43);
        for (LocalDate d = DAY.minusDays(42); !d.isAfter(DAY); d = d.plusDays(1)) {
            series.put(d, 1000);
        }

        var judged = DayJudge.judge(series, DAY, s, policy);

        assertThat(Policies.standard().names()).containsExactly("classic", "adaptive");
        assertThat(judged.assessment().policy()).isEqualTo("adaptive");
        assertThat(judged.assessment().expectation()).isPresent();
    }

    private static JobSettings settingsWith(SettingsOverride override) {
        return ((SettingsBook.Resolved) new SettingsBook(List.of(override)).resolve(JOB)).settings();
    }
}
