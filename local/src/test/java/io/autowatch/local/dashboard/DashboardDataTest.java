package io.autowatch.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardDataTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private static StoredResult latest(String job, String status) {
        return new StoredResult(
                job,
                DAY,
                status,
                10,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void worstFirst_afterTheOpenIncidents_putsTheAlertsOfTheRangeOnScreenBeforeAQuietZeroDay_mostRecentFirst() {
        List<StoredResult> latest = List.of(
                latest("email/promo/IS", "ZERO"),
                latest("email/promo/DE", "HEALTHY"),
                latest("email/promo/FR", "HEALTHY"));

        var ranked = DashboardData.worstFirst(
                latest, Map.of(), Map.of("email/promo/DE", DAY.minusDays(20), "email/promo/FR", DAY.minusDays(2)));

        assertThat(ranked)
                .as("FR alerted two days ago, DE three weeks ago: both within the 90 days on screen, above IS's zero")
                .extracting(StoredResult::job)
                .containsExactly("email/promo/FR", "email/promo/DE", "email/promo/IS");
        assertThat(DashboardData.worstFirst(
                        latest,
                        Map.of(),
                        Map.of("email/promo/DE", DAY.minusDays(90), "email/promo/FR", DAY.minusDays(2))))
                .as("an alert before the range on screen does not rank")
                .extracting(StoredResult::job)
                .containsExactly("email/promo/FR", "email/promo/IS", "email/promo/DE");
        assertThat(DashboardData.jobJson(
                        latest("email/promo/DE", "HEALTHY"),
                        Map.of(),
                        Map.of(),
                        Map.of("email/promo/DE", DAY.minusDays(20))))
                .containsEntry("lastAlert", DAY.minusDays(20).toString());

        var failedNow = DashboardData.worstFirst(
                List.of(latest("email/promo/FR", "HEALTHY"), latest("email/broken/XX", "FAILED")),
                Map.of(),
                Map.of("email/promo/FR", DAY.minusDays(1)));
        assertThat(failedNow)
                .as("failing now ranks above a recent alert that has recovered")
                .extracting(StoredResult::job)
                .containsExactly("email/broken/XX", "email/promo/FR");
    }

    @Test
    void worstFirst_putsOpenIncidentsFirst_evenWhenYesterdayWasHealthy_thenYesterdaysWorst() {
        var incident = new OpenIncident(
                JobId.of("email/promo/DE"),
                DAY.minusDays(20),
                DAY.minusDays(20),
                Severity.CRITICAL,
                HealthStatus.UNHEALTHY);
        List<StoredResult> latest = List.of(
                latest("email/promo/IS", "ZERO"),
                latest("email/promo/DE", "HEALTHY"),
                latest("email/promo/US", "HEALTHY"),
                latest("email/promo/BR", "UNHEALTHY"));

        var ranked = DashboardData.worstFirst(latest, Map.of(incident.job(), incident));

        assertThat(ranked)
                .extracting(StoredResult::job)
                .containsExactly("email/promo/DE", "email/promo/BR", "email/promo/IS", "email/promo/US");
        assertThat(DashboardData.jobJson(ranked.getFirst(), Map.of(incident.job(), incident)))
                .containsEntry("incidentSince", DAY.minusDays(20).toString());
        assertThat(DashboardData.jobJson(
                        latest("email/promo/US", "HEALTHY"), Map.of(), Map.of(JobId.of("email/promo/US"), DAY)))
                .containsEntry("retiredOn", DAY.toString());
    }
}
