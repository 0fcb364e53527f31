package io.autowatch.holidays;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.healthcheck.settings.HolidayCalendars.Known;
import io.autowatch.healthcheck.settings.HolidayCalendars.Lookup;
import io.autowatch.healthcheck.settings.HolidayCalendars.Unknown;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JollydayCalendarsTest {

    private final JollydayCalendars calendars = new JollydayCalendars();

    private Known known(Lookup lookup) {
        assertThat(lookup).isInstanceOf(Known.class);
        return (Known) lookup;
    }

    @Test
    void us2026_holdsThanksgivingChristmasAndIndependenceDay_byName() {
        var us = known(calendars.holidays("US", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));

        assertThat(us.holidays()).containsKeys(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
        assertThat(us.holidays().get(LocalDate.of(2026, 11, 26))).containsIgnoringCase("thanksgiving");
        assertThat(us.holidays()).containsEntry(LocalDate.of(2026, 7, 4), "Independence Day");
        assertThat(us.holidays()).doesNotContainKey(LocalDate.of(2026, 10, 31)); // Halloween is no public holiday
    }

    @Test
    void aRegion_addsItsOwnHolidays_toTheCountrys() {
        LocalDate epiphany = LocalDate.of(2026, 1, 6);
        var bavaria = known(calendars.holidays("DE-BY", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        var berlin = known(calendars.holidays("de-be", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));

        assertThat(bavaria.holidays()).containsKeys(LocalDate.of(2026, 1, 1), epiphany);
        assertThat(berlin.holidays()).containsKey(LocalDate.of(2026, 1, 1)).doesNotContainKey(epiphany);
    }

    @Test
    void onlyTheDaysAskedFor_areGiven() {
        var us = known(calendars.holidays("US", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));

        assertThat(us.holidays().keySet()).allMatch(d -> d.getMonthValue() == 11);
    }

    @Test
    void anUnknownCountry_orRegion_orAMalformedName_isRefusedWithWhatIsKnown() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);

        assertThat(calendars.holidays("XX", from, to)).isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.reason())
                .contains("no calendar for the country 'XX'")
                .contains("DE")
                .contains("US"));
        assertThat(calendars.holidays("DE-ZZ", from, to))
                .isInstanceOfSatisfying(
                        Unknown.class,
                        u -> assertThat(u.reason()).contains("no region 'ZZ'").contains("BY"));
        assertThat(calendars.holidays("United States", from, to))
                .isInstanceOfSatisfying(
                        Unknown.class, u -> assertThat(u.reason()).contains("US, DE-BY, IN"));
    }
}
