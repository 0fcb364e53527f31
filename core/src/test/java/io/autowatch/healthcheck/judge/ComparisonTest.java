package io.autowatch.healthcheck.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.CountSeries;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 9, 7);

    private static final LocalDate DROP = START.plusDays(51); // a Wednesday

    /** A weekday job (1,000 ± 2%, 300 at weekends) whose Wednesday 51 days in sends half. */
    private static CountSeries weeklyJobWithADrop() {
        CountSeries series = CountSeries.covering(START.minusDays(42), 42 + 70);
        for (int i = 0; i < 70; i++) {
            LocalDate day = START.plusDays(i);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            long count = weekend ? 300 + (i % 3) * 5 : 1000 + (i % 5) * 10 - 20;
            series.put(day, day.equals(DROP) ? 500 : count);
        }
        return series;
    }

    @Test
    void run_judgesEveryDayUnderEachPolicy_exactlyAsItsBacktest() {
        CountSeries series = weeklyJobWithADrop();
        LocalDate from = START.plusDays(28);
        LocalDate to = START.plusDays(69);

        Comparison.Compared compared = Comparison.run(series, from, to, JobSettings.DEFAULTS);

        assertThat(compared.policies()).containsExactly("classic", "adaptive");
        assertThat(compared.current()).isEqualTo("adaptive");
        assertThat(compared.days()).hasSize(42);
        for (String name : compared.policies()) {
            HealthPolicy policy = Policies.standard().named(name).orElseThrow();
            List<DayJudge.Judged> backtest =
                    Backtest.run(series, from, to, JobSettings.DEFAULTS.withPolicy(name), policy);
            assertThat(compared.days())
                    .extracting(d -> d.verdicts().get(name))
                    .as(name)
                    .containsExactlyElementsOf(backtest);
        }
        assertThat(compared.days().getFirst().day()).isEqualTo(from);
        assertThat(compared.days().get(23).count()).isEqualTo(500);
    }

    @Test
    void run_showsWhatEachPolicyWouldHaveAlertedOn() {
        Comparison.Compared compared =
                Comparison.run(weeklyJobWithADrop(), START.plusDays(28), START.plusDays(69), JobSettings.DEFAULTS);

        assertThat(compared.alertDays("adaptive"))
                .as("the weekday baseline expects 1,000 on a Wednesday")
                .containsExactly(DROP);
        assertThat(compared.alertDays("classic"))
                .as("weekends widen classic's band until a halved weekday fits inside it")
                .doesNotContain(DROP);
        Comparison.Day drop = compared.days().stream()
                .filter(d -> d.day().equals(DROP))
                .findFirst()
                .orElseThrow();
        assertThat(drop.verdicts().get("classic").assessment().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(drop.verdicts().get("adaptive").assessment().status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(drop.alerts("adaptive")).isTrue();
        assertThat(drop.alerts("unknown")).isFalse();
    }

    @Test
    void run_withTheJobOnClassic_saysSo_andStillJudgesBoth() {
        Comparison.Compared compared = Comparison.run(
                weeklyJobWithADrop(),
                START.plusDays(60),
                START.plusDays(61),
                JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME));
        assertThat(compared.current()).isEqualTo("classic");
        assertThat(compared.days()).allSatisfy(d -> assertThat(d.verdicts()).containsOnlyKeys("classic", "adaptive"));
        assertThat(compared.days()
                        .getFirst()
                        .verdicts()
                        .get("adaptive")
                        .assessment()
                        .policy())
                .isEqualTo("adaptive");
    }
}
