package io.autowatch.healthcheck.judge.adaptive;

import static io.autowatch.healthcheck.judge.adaptive.Jobs.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** How the level follows a job through its look-back. */
class LevelTrackTest {

    /** ±10% a day beyond counting noise: a day below 6,710 of 10,000 is rarer than 1 in 1,000, below 8,040 1 in 20. */
    private static final double DISPERSION = 0.01;

    private static long[] thirtyDaysAt10000Then(long... after) {
        long[] values = new long[30 + after.length];
        for (int i = 0; i < 30; i++) {
            values[i] = 10_000 + (i % 2 == 0 ? 150 : -150);
        }
        System.arraycopy(after, 0, values, 30, after.length);
        return values;
    }

    @Test
    void aLevelThatHeldForThreeDays_oneOfThemRare_isTheNewLevel_thoughTwoWereWithinReachOfTheOldOne() {
        DayValues days = DayValues.ofValues(TUESDAY, thirtyDaysAt10000Then(6_500, 7_500, 7_600));

        LevelTrack track = LevelTrack.follow(days, WeekdayProfile.flat(), DISPERSION);

        assertThat(track.outlier(30))
                .as("the first day is rarer than 1 in 1,000")
                .isTrue();
        assertThat(track.outlier(31)).as("the second is not").isFalse();
        assertThat(track.anchoredAt()).as("re-anchored on the third day").isEqualTo(32);
        assertThat(track.levelForCheckedDay()).isCloseTo(7_200, within(100.0));
    }

    @Test
    void usualDaysAloneNeverReAnchor() {
        DayValues days = DayValues.ofValues(TUESDAY, thirtyDaysAt10000Then(7_900, 7_800, 7_900, 7_800));

        LevelTrack track = LevelTrack.follow(days, WeekdayProfile.flat(), DISPERSION);

        assertThat(track.anchoredAt())
                .as("no day rarer than 1 in 1,000 began a run")
                .isEqualTo(-1);
    }
}
