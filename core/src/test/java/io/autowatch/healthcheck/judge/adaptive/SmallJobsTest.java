package io.autowatch.healthcheck.judge.adaptive;

import static io.autowatch.healthcheck.judge.adaptive.Jobs.ADAPTIVE;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.TUESDAY;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.judge;
import static io.autowatch.healthcheck.judge.adaptive.Jobs.series;
import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.CountSeries;
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
    void theBudget_isTheKnobFromAHundredADayUp_andAtMostTenTimesItBelow() {
        assertThat(AdaptivePolicy.smallJobBudget(100_000)).isEqualTo(1.0);
        assertThat(AdaptivePolicy.smallJobBudget(100)).isEqualTo(1.0);
        assertThat(AdaptivePolicy.smallJobBudget(50)).isEqualTo(2.0);
        assertThat(AdaptivePolicy.smallJobBudget(3)).isEqualTo(10.0);
        assertThat(AdaptivePolicy.smallJobBudget(0)).isEqualTo(10.0);
    }
}
