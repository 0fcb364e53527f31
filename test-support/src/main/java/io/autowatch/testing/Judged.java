package io.autowatch.testing;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Days judged as the check judges them, for tests of what is sent about them. */
public final class Judged {

    /** Classic's rule, pinned: the built-in default is adaptive. */
    public static final JobSettings CLASSIC = JobSettings.DEFAULTS.withPolicy(ClassicPolicy.NAME);

    private Judged() {}

    /** {@code count} on {@code day}, judged by classic against 14 days of about 9,100. */
    public static Assessment classic(LocalDate day, long count) {
        List<DayCount> previous = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            previous.add(new DayCount(day.minusDays(i), 9000 + (i % 3) * 100));
        }
        return new ClassicPolicy().assess(new HealthPolicy.Input(day, count, previous, CLASSIC));
    }
}
