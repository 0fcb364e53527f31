package io.autowatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.healthcheck.settings.SettingsOverride;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsItemsTest {

    @Test
    void parse_readsTheAdaptiveSettings_datesAsAListOrOneString() {
        SettingsOverride listed = SettingsItems.parse(
                "default",
                Map.of(
                        "policy", "adaptive",
                        "falseAlarmRate", new BigDecimal("0.00001"),
                        "minChange", new BigDecimal("20"),
                        "minChangePercent", new BigDecimal("15"),
                        "excludedDates", List.of("2026-12-25", "2026-12-26")));
        SettingsOverride typed = SettingsItems.parse("job:a", Map.of("excludedDates", "2026-12-25, 2027-01-01"));

        assertThat(listed.problem()).isEmpty();
        assertThat(listed.policy()).contains("adaptive");
        assertThat(listed.falseAlarmRate()).contains(new BigDecimal("0.00001"));
        assertThat(listed.minChange()).contains(20L);
        assertThat(listed.excludedDates()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        assertThat(typed.excludedDates()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
        assertThat(SettingsItems.parse("default", Map.of("expectedLowDates", List.of("2026-12-24")))
                        .expectedLowDates())
                .containsExactly(LocalDate.of(2026, 12, 24));
    }

    @Test
    void parse_whenADateIsMalformed_makesTheOverrideUnreadableAndNamesTheField() {
        SettingsOverride o = SettingsItems.parse("default", Map.of("excludedDates", List.of("25/12/2026")));

        assertThat(o.problem())
                .hasValueSatisfying(p ->
                        assertThat(p).startsWith("excludedDates: ").contains("'25/12/2026' is not a YYYY-MM-DD date"));
    }

    @Test
    void parse_readsAHolidayCalendarByCountryAndRegion_andRefusesAnythingElseNamingTheField() {
        assertThat(SettingsItems.parse("default", Map.of("holidays", "DE-BY")).holidays())
                .contains("DE-BY");
        assertThat(SettingsItems.parse("prefix:us/", Map.of("holidays", " US ")).holidays())
                .contains("US");
        assertThat(SettingsItems.parse("default", Map.of("holidays", "United States"))
                        .problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .startsWith("holidays: ")
                        .contains("(US, DE-BY, IN)")
                        .contains("'United States'"));
    }
}
