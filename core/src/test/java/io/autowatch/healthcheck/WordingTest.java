package io.autowatch.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void ratio_givesTwoSignificantDigits() {
        assertThat(Wording.ratio(2300, 1000)).isEqualTo("×2.3");
        assertThat(Wording.ratio(320, 1000)).isEqualTo("×0.32");
        assertThat(Wording.ratio(20_000, 1000)).isEqualTo("×20");
        assertThat(Wording.ratio(0, 1000)).isEqualTo("×0");
    }

    @Test
    void change_usesATrueMinusAndWholePercentsFromTen() {
        assertThat(Wording.change(400, 1000)).isEqualTo("−60%");
        assertThat(Wording.change(2500, 1000)).isEqualTo("+150%");
        assertThat(Wording.change(1025, 1000)).isEqualTo("+2.5%");
        assertThat(Wording.change(1000, 1000)).isEqualTo("±0%");
    }

    @Test
    void rarity_roundsToOneSignificantDigitInDays() {
        assertThat(Wording.rarity(1e-4)).isEqualTo("about 1 day in 10,000");
        assertThat(Wording.rarity(1 / 13_456.0)).isEqualTo("about 1 day in 10,000");
        assertThat(Wording.rarity(0.3)).isEqualTo("about 1 day in 3");
        assertThat(Wording.rarity(0.7)).isEqualTo("a usual day");
        assertThat(Wording.rarity(1e-12)).isEqualTo("less than 1 day in a billion");
    }

    @Test
    void count_groupsThousandsAsTheFormatterDoes() {
        long[] values = {
            0,
            7,
            42,
            999,
            1_000,
            1_180,
            12_345,
            999_999,
            1_000_000,
            123_456_789,
            1_000_000_000_000_000L,
            -1,
            -1_234,
            -999_999,
            Long.MAX_VALUE,
            Long.MIN_VALUE
        };
        for (long v : values) {
            assertThat(Wording.count(v)).as("%d", v).isEqualTo(String.format(Locale.ROOT, "%,d", v));
        }
        assertThat(Wording.count(1_180)).isEqualTo("1,180");
    }

    @Test
    void amount_keepsOneDecimalOnlyBelowTen() {
        assertThat(Wording.amount(1.83)).isEqualTo("1.8");
        assertThat(Wording.amount(31.4)).isEqualTo("31");
        assertThat(Wording.amount(1234.5)).isEqualTo("1,235");
        assertThat(Wording.weekdays(DayOfWeek.TUESDAY)).isEqualTo("Tuesdays");
    }

    @Test
    void weekdays_areTheJdksEnglishNames_inThePlural() {
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(Wording.weekdays(day)).isEqualTo(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s");
        }
    }
}
