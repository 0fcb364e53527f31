package io.autowatch.healthcheck.judge.adaptive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayValuesTest {

    @Test
    void weekday_ofAnIndex_isTheDatesWeekday() {
        LocalDate day = LocalDate.of(1969, 12, 25);
        DayValues days = DayValues.ofValues(day, new long[800]);
        for (int i = 0; i < days.size(); i++) {
            assertThat(days.weekday(i)).isEqualTo(days.day(i).getDayOfWeek());
        }
    }
}
