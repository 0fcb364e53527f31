package io.autowatch.healthcheck.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.CheckResult.Checked;
import io.autowatch.healthcheck.CheckResult.Failed;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.alert.Notification.Alert;
import io.autowatch.healthcheck.alert.Notification.Recovery;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueNotificationsTest {

    /** Classic's rule, pinned: the built-in default is adaptive. */
    private static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-21T00:30:00Z");

    private static Checked checked(String job, HealthStatus status, boolean alerts, LocalDate day) {
        return new Checked(
                JobId.of(job),
                new Assessment(day, 10, status, "classic", Optional.empty(), List.of()),
                CLASSIC,
                alerts,
                NOW);
    }

    private static OpenIncident incident(String job, LocalDate lastAlert) {
        return new OpenIncident(JobId.of(job), lastAlert, lastAlert, Severity.CRITICAL, HealthStatus.UNHEALTHY);
    }

    @Test
    void of_whenAJudgedDayAlerts_anAlertIsDue() {
        var due = DueNotifications.of(List.of(checked("a", HealthStatus.UNHEALTHY, true, DAY)), Map.of(), NOW);
        assertThat(due).singleElement().isInstanceOf(Alert.class).satisfies(n -> assertThat(
                        n.job().value())
                .isEqualTo("a"));
    }

    @Test
    void of_whenAnUnhealthyDayDoesNotAlert_nothingIsDue() {
        assertThat(DueNotifications.of(List.of(checked("a", HealthStatus.ZERO, false, DAY)), Map.of(), NOW))
                .isEmpty();
    }

    @Test
    void of_whenAJobWithAnOpenIncidentIsHealthyAfterIt_aRecoveryIsDue() {
        var due = DueNotifications.of(
                List.of(checked("a", HealthStatus.HEALTHY, false, DAY)),
                Map.of(JobId.of("a"), incident("a", DAY.minusDays(1))),
                NOW);
        assertThat(due).singleElement().isInstanceOf(Recovery.class);
    }

    @Test
    void of_whenAnOldDayIsReChecked_itDoesNotCloseANewerIncident() {
        var due = DueNotifications.of(
                List.of(checked("a", HealthStatus.HEALTHY, false, DAY)),
                Map.of(JobId.of("a"), incident("a", DAY)),
                NOW);
        assertThat(due).isEmpty();
    }

    @Test
    void of_healthyWithoutAnIncident_andFailedJobs_oweNothing() {
        var due = DueNotifications.of(
                List.of(
                        checked("a", HealthStatus.HEALTHY, false, DAY),
                        new Failed(JobId.of("b"), DAY, "bad count", NOW)),
                Map.of(JobId.of("b"), incident("b", DAY.minusDays(3))),
                NOW);
        assertThat(due).isEmpty();
    }
}
