package io.autowatch.healthcheck.run;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.DayJudge;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.judge.adaptive.AdaptivePolicy;
import io.autowatch.healthcheck.judge.classic.ClassicPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first judgement in a fresh JVM loads and links the policies' classes (the distributions among them), some
 * tens of milliseconds. A run starts it while its counts are read, which on a cold start is mostly waiting, so the
 * first real judgement finds the classes loaded. Once per JVM; pure, and its results are thrown away.
 */
final class ColdStart {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ColdStart() {}

    static void warmJudging(Policies policies, Executor executor) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                LocalDate day = LocalDate.of(2026, 1, 31);
                List<DayCount> days = new ArrayList<>();
                for (int i = 60; i >= 1; i--) {
                    days.add(new DayCount(day.minusDays(i), 1_000 + (i % 7) * 50));
                }
                days.add(new DayCount(day, 300));
                CountSeries series = CountSeries.of(day.minusDays(60), day, days);
                // The built-in ones only: another policy is not ours to call outside a run.
                for (String name : List.of(ClassicPolicy.NAME, AdaptivePolicy.NAME)) {
                    DayJudge.judge(
                            series,
                            day,
                            JobSettings.DEFAULTS.withPolicy(name),
                            policies.named(name).orElseThrow());
                }
            } catch (RuntimeException e) {
                // Only a head start: the run judges (and reports) for itself.
            }
        });
    }
}
