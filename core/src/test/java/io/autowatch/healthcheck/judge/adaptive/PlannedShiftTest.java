package io.autowatch.healthcheck.judge.adaptive;

import static io.autowatch.healthcheck.judge.adaptive.Jobs.ADAPTIVE;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.TUESDAY;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.judge;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.noisy;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.quiet;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.CountSeries;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A planned change of level becomes the new normal within days, and the words say so. */
class PlannedShiftTest {

    private static final LocalDate SHIFT = TUESDAY.minusDays(14);

    /** The last day from the shift on that alerted, counted from the shift (1: the shift's own day), or 0. */
    private static int lastAlert(CountSeries series) {
        int last = 0;
        for (int d = 0; d <= 14; d++) {
            if (judge(series, SHIFT.plusDays(d), ADAPTIVE).alerts()) {
                last = d + 1;
            }
        }
        return last;
    }

    @Test
    void aQuietJobThatDropsByAThird_stopsAlertingWithinFiveDays_andTheWordsSaySo() {
        CountSeries series = series(SHIFT.minusDays(60), TUESDAY, d -> quiet(d, d.isBefore(SHIFT) ? 10_000 : 6_800));

        assertThat(lastAlert(series)).isBetween(1, 5);
        assertThat(judge(series, TUESDAY, ADAPTIVE)
                        .assessment()
                        .expectation()
                        .orElseThrow()
                        .basis())
                .contains("re-anchored on");
    }

    @Test
    void aNoisyJobThatRisesByHalf_stopsAlertingWithinFiveDays_thoughSomeOfItsDaysLookUsual() {
        CountSeries series = series(SHIFT.minusDays(60), TUESDAY, d -> noisy(d, d.isBefore(SHIFT) ? 10_000 : 15_000));

        assertThat(lastAlert(series)).isBetween(1, 5);
    }

    @Test
    void aPartialFailureThatBecameTheLevel_isARecoveryWhenItEnds_notANewChange() {
        LocalDate mended = TUESDAY.minusDays(2);
        CountSeries series = series(
                SHIFT.minusDays(60), TUESDAY, d -> quiet(d, d.isBefore(SHIFT) || !d.isBefore(mended) ? 10_000 : 5_000));

        var back = judge(series, mended, ADAPTIVE);

        assertThat(judge(series, SHIFT.plusDays(5), ADAPTIVE)
                        .assessment()
                        .expectation()
                        .orElseThrow()
                        .basis())
                .as("the failure's level became the job's after a few days")
                .contains("re-anchored on");
        assertThat(back.alerts()).isFalse();
        assertThat(back.assessment().expectation().orElseThrow().explanation())
                .contains("back at its level before then")
                .endsWith("a recovery, not a new change.");
        assertThat(judge(series, TUESDAY, ADAPTIVE).alerts()).isFalse();
    }

    @Test
    void aRiseBeyondTheLevelBeforeARecentReAnchoring_stillAlerts() {
        LocalDate spike = TUESDAY;
        CountSeries series = series(SHIFT.minusDays(60), TUESDAY, d -> {
            if (d.equals(spike)) {
                return 25_000L;
            }
            return quiet(d, d.isBefore(SHIFT) ? 10_000 : 5_000);
        });

        assertThat(judge(series, spike, ADAPTIVE).alerts()).isTrue();
    }
}
