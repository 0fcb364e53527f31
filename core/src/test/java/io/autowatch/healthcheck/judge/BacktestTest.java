package io.autowatch.healthcheck.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    /** Classic's rule, pinned: the built-in default is adaptive. */
    private static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);

    private static final LocalDate START = LocalDate.of(2026, 9, 1);

    @Test
    void backtest_skipsDaysARunWouldNotCheck_andJudgesTheRestLikeARun() {
        List<DayCount> counts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            counts.add(new DayCount(START.plusDays(i), i == 15 ? 300 : 1000 + (i % 3) * 10));
        }
        CountSeries series = CountSeries.of(START.minusDays(60), START.plusDays(80), counts);

        List<DayJudge.Judged> days =
                Backtest.run(series, START.minusDays(5), START.plusDays(25), CLASSIC, new ClassicPolicy());

        assertThat(days.getFirst().assessment().day())
                .as("the job did not exist yet")
                .isEqualTo(START);
        assertThat(days).hasSize(26);
        assertThat(days)
                .filteredOn(DayJudge.Judged::alerts)
                .extracting(d -> d.assessment().day())
                .as("the drop, then every day after it stopped reporting")
                .containsExactly(
                        START.plusDays(15),
                        START.plusDays(20),
                        START.plusDays(21),
                        START.plusDays(22),
                        START.plusDays(23),
                        START.plusDays(24),
                        START.plusDays(25));
        assertThat(days.get(7).assessment().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(days.get(3).assessment().status()).isEqualTo(HealthStatus.INSUFFICIENT_HISTORY);
    }
}
