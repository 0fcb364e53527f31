package io.autowatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountItemsTest {

    @Test
    void aDay_isReadAsLocalDateParseReadsIt_everyDayOfFourYears() {
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            assertThat(CountItems.day(d.toString())).isEqualTo(d);
        }
        assertThat(CountItems.day("0000-01-01")).isEqualTo(LocalDate.parse("0000-01-01"));
        assertThat(CountItems.day("+12026-01-01")).isEqualTo(LocalDate.parse("+12026-01-01"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30",
                "2025-02-29",
                "2026-13-01",
                "2026-00-10",
                "2026-1-01",
                "2026/01/01",
                "２０２６-01-01",
                "2026-01-1x",
                "20260101",
                "",
                "-2026-01-0"
            })
    void whatIsNotADay_isRefusedAsLocalDateParseRefusesIt(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> CountItems.day(text)).isInstanceOf(DateTimeException.class);
    }
}
