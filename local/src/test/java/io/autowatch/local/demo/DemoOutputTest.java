package io.autowatch.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo speaks in words, not Java lists or JSON maps. */
class DemoOutputTest {

    @Test
    void incidents_readAsASentence() {
        String text = DemoOutput.incidents(List.of(
                new DemoData.Incident(JobId.of("email/promo/DE"), LocalDate.of(2026, 11, 16), "duplicate sends (×2)"),
                new DemoData.Incident(
                        JobId.of("email/welcome/FR"), LocalDate.of(2026, 12, 4), "total failure (nothing sent)")));

        assertThat(text)
                .isEqualTo("email/promo/DE on 2026-11-16: duplicate sends (×2); email/welcome/FR on 2026-12-04: total"
                        + " failure (nothing sent)")
                .doesNotContain("[")
                .doesNotContain("Incident[");
    }

    @Test
    void statuses_readAsCountsInWords_mostCommonFirst() {
        assertThat(DemoOutput.statuses(Map.of("ZERO", 3L, "HEALTHY", 18L, "INSUFFICIENT_HISTORY", 1L)))
                .isEqualTo("18 healthy, 3 zero, 1 insufficient history");
    }
}
