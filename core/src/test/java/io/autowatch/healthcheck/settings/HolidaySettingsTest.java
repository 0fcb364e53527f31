package io.autowatch.healthcheck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.settings.Scope.AllJobs;
import io.autowatch.healthcheck.settings.Scope.Job;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A settings scope that names a public-holiday calendar gives its jobs the calendar's holidays as expected-low dates. */
class HolidaySettingsTest {

    private static final JobId JOB = JobId.of("email/daily/DE");
    private static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);
    private static final LocalDate EPIPHANY = LocalDate.of(2027, 1, 6);
    private static final LocalDate AFTER_THE_WINDOW = LocalDate.of(2027, 3, 1);

    /** Two made-up calendars, and how many times they were asked. */
    private static final class Calendars implements HolidayCalendars {
        int asked;

        @Override
        public Lookup holidays(String calendar, LocalDate from, LocalDate to) {
            asked++;
            Map<LocalDate, String> all =
                    switch (calendar) {
                        case "US" -> Map.of(THANKSGIVING, "Thanksgiving Day", AFTER_THE_WINDOW, "Later");
                        case "DE-BY" -> Map.of(EPIPHANY, "Heilige Drei Könige");
                        default -> null;
                    };
            if (all == null) {
                return new Unknown("no calendar for the country '" + calendar + "'");
            }
            Map<LocalDate, String> within = new TreeMap<>(all);
            within.keySet().removeIf(d -> d.isBefore(from) || d.isAfter(to));
            return new Known(within);
        }
    }

    private final Calendars calendars = new Calendars();

    private SettingsBook.Resolution resolve(SettingsOverride... overrides) {
        return new SettingsBook(List.of(overrides))
                .withHolidays(calendars, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31))
                .resolve(JOB);
    }

    @Test
    void aCalendarInTheDefaultItem_givesEveryJobItsHolidays_withinTheDaysAsked() {
        var resolved = resolve(SettingsOverride.empty(new AllJobs()).withHolidays("US"));

        assertThat(resolved).isInstanceOfSatisfying(SettingsBook.Resolved.class, r -> assertThat(
                        r.settings().expectedLowDates())
                .containsExactly(THANKSGIVING));
    }

    @Test
    void aJobsOwnCalendar_replacesTheDefaults_andItsOwnDatesAddUp() {
        LocalDate sale = LocalDate.of(2026, 12, 1);
        var resolved = resolve(
                SettingsOverride.empty(new AllJobs()).withHolidays("US"),
                SettingsOverride.empty(new Job(JOB)).withHolidays("DE-BY").withExpectedLowDates(Set.of(sale)));

        assertThat(resolved).isInstanceOfSatisfying(SettingsBook.Resolved.class, r -> assertThat(
                        r.settings().expectedLowDates())
                .containsExactly(sale, EPIPHANY));
    }

    @Test
    void anUnknownCalendar_leavesTheJobUnresolved_namingTheCalendarAndWhy() {
        var resolved = resolve(SettingsOverride.empty(new AllJobs()).withHolidays("XX"));

        assertThat(resolved).isInstanceOfSatisfying(SettingsBook.Unresolvable.class, u -> assertThat(u.reason())
                .contains("from default")
                .contains("the holiday calendar 'XX'")
                .contains("no calendar for the country 'XX'"));
    }

    @Test
    void withoutCalendars_aJobThatNamesOne_isUnresolved_andOtherJobsAreNot() {
        SettingsBook book =
                new SettingsBook(List.of(SettingsOverride.empty(new Job(JOB)).withHolidays("US")));

        assertThat(book.resolve(JOB))
                .isInstanceOfSatisfying(SettingsBook.Unresolvable.class, u -> assertThat(u.reason())
                        .contains("no holiday calendars are available here"));
        assertThat(book.resolve(JobId.of("other"))).isInstanceOf(SettingsBook.Resolved.class);
        assertThat(calendars.asked).isZero();
    }
}
