package io.autowatch.healthcheck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.settings.Scope.AllJobs;
import io.autowatch.healthcheck.settings.Scope.Job;
import io.autowatch.healthcheck.settings.Scope.Prefix;
import io.autowatch.healthcheck.settings.SettingsBook.Resolved;
import io.autowatch.healthcheck.settings.SettingsBook.Unresolvable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsBookTest {

    private static final JobId INDIA = JobId.of("email/daily-active/IN");

    private static JobSettings resolved(SettingsBook book, JobId job) {
        return ((Resolved) book.resolve(job)).settings();
    }

    @Test
    void resolve_withoutOverrides_givesTheDocumentedDefaults() {
        JobSettings s = resolved(SettingsBook.defaultsOnly(), INDIA);
        assertThat(s).isEqualTo(JobSettings.DEFAULTS);
        assertThat(s.window()).isEqualTo(14);
        assertThat(s.sigmas()).isEqualByComparingTo("2");
        assertThat(s.percent()).isEqualByComparingTo("20");
        assertThat(s.minHistory()).isEqualTo(7);
        assertThat(s.lookbackDays()).isEqualTo(42);
        assertThat(s.zeroAlerts()).isEqualTo(ZeroAlerts.AUTO);
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.policy()).isEqualTo("adaptive");
        assertThat(Policies.standard().named(s.policy()))
                .as("the default names a policy that exists")
                .isPresent();
    }

    @Test
    void resolve_whenTheDefaultItemNamesClassic_everyJobGoesBack_andAJobCanStillChooseAdaptive() {
        SettingsBook book = new SettingsBook(List.of(
                SettingsOverride.empty(new AllJobs()).withPolicy("classic"),
                SettingsOverride.empty(new Job(INDIA)).withPolicy("adaptive")));
        assertThat(resolved(book, JobId.of("sms/daily")).policy()).isEqualTo("classic");
        assertThat(resolved(book, JobId.of("email/weekly/IN")).policy()).isEqualTo("classic");
        assertThat(resolved(book, INDIA).policy()).isEqualTo("adaptive");
    }

    @Test
    void with_whenAnExtraPolicyTakesABuiltInName_isRefused() {
        HealthPolicy impostor = new HealthPolicy() {
            @Override
            public String name() {
                return "adaptive";
            }

            @Override
            public Assessment assess(Input input) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> Policies.with(List.of(impostor)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adaptive");
    }

    @Test
    void resolve_layersDefaultThenPrefixesShortestFirstThenJob() {
        SettingsBook book = new SettingsBook(List.of(
                SettingsOverride.empty(new Job(INDIA)).withSeverity(Severity.WARNING),
                SettingsOverride.empty(new Prefix("email/daily-active/"))
                        .withWindow(21)
                        .withMinHistory(10),
                SettingsOverride.empty(new Prefix("email/")).withWindow(28).withPercent(BigDecimal.valueOf(30)),
                SettingsOverride.empty(new AllJobs())
                        .withSigmas(BigDecimal.valueOf(3))
                        .withLookbackDays(60)));
        JobSettings s = resolved(book, INDIA);
        assertThat(s.window()).as("longest prefix wins").isEqualTo(21);
        assertThat(s.minHistory()).isEqualTo(10);
        assertThat(s.percent())
                .as("shorter prefix fills what the longer leaves")
                .isEqualByComparingTo("30");
        assertThat(s.sigmas()).as("from default").isEqualByComparingTo("3");
        assertThat(s.lookbackDays()).isEqualTo(60);
        assertThat(s.severity()).as("job override").isEqualTo(Severity.WARNING);

        JobSettings other = resolved(book, JobId.of("email/weekly/IN"));
        assertThat(other.window()).isEqualTo(28);
        assertThat(other.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(resolved(book, JobId.of("sms/daily")).window()).isEqualTo(14);
    }

    @Test
    void resolve_whenTheCombinationIsInvalid_namesTheOverrides() {
        SettingsBook book = new SettingsBook(
                List.of(SettingsOverride.empty(new Prefix("email/")).withWindow(5)));
        // The default minHistory (7) exceeds the prefix's window (5).
        var resolution = book.resolve(INDIA);
        assertThat(resolution).isInstanceOf(Unresolvable.class);
        assertThat(((Unresolvable) resolution).reason())
                .contains("prefix:email/")
                .contains("minHistory");
    }

    @Test
    void resolve_whenAnOverrideIsUnreadable_failsOnlyTheJobsItCovers() {
        SettingsBook book =
                new SettingsBook(List.of(SettingsOverride.unreadable(new Prefix("email/"), "windw: unknown setting")));
        assertThat(book.resolve(INDIA)).isInstanceOf(Unresolvable.class);
        assertThat(((Unresolvable) book.resolve(INDIA)).reason()).contains("windw");
        assertThat(book.resolve(JobId.of("sms/daily"))).isInstanceOf(Resolved.class);
    }

    @Test
    void book_knowsTheLongestLookBackAndEveryZone() {
        SettingsBook book = new SettingsBook(List.of(
                SettingsOverride.empty(new Prefix("email/"))
                        .withLookbackDays(90)
                        .withTimeZone(ZoneId.of("Asia/Kolkata")),
                SettingsOverride.empty(new Prefix("us/")).withTimeZone(ZoneId.of("America/Los_Angeles"))));
        assertThat(book.maxLookbackDays()).isEqualTo(90);
        assertThat(book.timeZones()).contains(ZoneId.of("Asia/Kolkata"), ZoneId.of("America/Los_Angeles"));
        assertThat(SettingsBook.defaultsOnly().maxLookbackDays()).isEqualTo(42);
    }

    @Test
    void checkRequest_scheduled_checksEachJobsLastCompleteLocalDay() {
        CheckRequest scheduled = CheckRequest.scheduled(Instant.parse("2026-11-21T00:30:00Z"));
        assertThat(scheduled.dayFor(ZoneOffset.UTC)).hasToString("2026-11-20");
        assertThat(scheduled.dayFor(ZoneId.of("Asia/Kolkata"))).hasToString("2026-11-20");
        assertThat(scheduled.dayFor(ZoneId.of("America/Los_Angeles")))
                .as("still 20 Nov there")
                .hasToString("2026-11-19");
    }
}
