package io.autowatch.healthcheck.judge.adaptive;

import static io.autowatch.healthcheck.judge.adaptive.Jobs.ADAPTIVE;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.TUESDAY;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.judge;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.CountSeries;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A small job's tests use the budget its counting noise leaves unused, so its failures are seen. */
class SmallJobsTest {

    @Test
    void aJobThatCountsTenADay_andCountsNothing_alerts() {
        CountSeries series = series(TUESDAY.minusDays(60), TUESDAY, d -> d.equals(TUESDAY) ? 0L : 10L);

        var judged = judge(series, TUESDAY, ADAPTIVE);

        assertThat(judged.alerts()).isTrue();
        assertThat(judged.assessment().expectation().orElseThrow().explanation())
                .startsWith("Counted nothing")
                .contains("by this job's own noise");
    }

    @Test
    void aJobThatCountsTwoADay_andCountsNothing_isStillAQuietDay() {
        CountSeries series = series(TUESDAY.minusDays(60), TUESDAY, d -> d.equals(TUESDAY) ? 0L : 2L);

        assertThat(judge(series, TUESDAY, ADAPTIVE).alerts()).isFalse();
    }

    @Test
    void theBudget_isTheKnobFrom300ADayUp_andAtMostThirtyTimesItBelow() {
        assertThat(AdaptivePolicy.smallJobBudget(100_000)).isEqualTo(1.0);
        assertThat(AdaptivePolicy.smallJobBudget(300)).isEqualTo(1.0);
        assertThat(AdaptivePolicy.smallJobBudget(150)).isEqualTo(2.0);
        assertThat(AdaptivePolicy.smallJobBudget(10)).isEqualTo(30.0);
        assertThat(AdaptivePolicy.smallJobBudget(0)).isEqualTo(30.0);
    }

    @Test
    void aJobThatCountsFiveADay_andCountsNothingTwoDaysRunning_alertsOnTheSecond_byTheirSum() {
        LocalDate first = TUESDAY.minusDays(1);
        CountSeries series = series(TUESDAY.minusDays(60), TUESDAY, d -> d.isBefore(first) ? steady5(d) : 0L);

        var firstDay = judge(series, first, ADAPTIVE);
        var secondDay = judge(series, TUESDAY, ADAPTIVE);

        assertThat(firstDay.alerts())
                .as("one zero of a job at 5 a day is 1 day in 150")
                .isFalse();
        assertThat(secondDay.alerts()).isTrue();
        assertThat(secondDay.assessment().expectation().orElseThrow().explanation())
                .startsWith("The last 2 days counted nothing")
                .contains("though no single day is");
    }

    /** 4, 5 or 6 a day, in turn: a small job's usual scatter. */
    private static Long steady5(LocalDate day) {
        return 4L + day.toEpochDay() % 3;
    }
}
