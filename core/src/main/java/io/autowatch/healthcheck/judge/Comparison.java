package io.autowatch.healthcheck.judge;

import io.autowatch.counts.CountSeries;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every policy's verdicts on the same days of one job: a {@link Backtest} per policy, with the job's settings but
 * for the policy, side by side. The tool for choosing a job's policy; it judges each day exactly as a run under that
 * policy would ({@link DayJudge}). Pure.
 */
public final class Comparison {

    private Comparison() {}

    /**
     * One day under every policy.
     *
     * @param verdicts by policy name, in the order of {@link Compared#policies()}
     */
    public record Day(LocalDate day, long count, Map<String, DayJudge.Judged> verdicts) {
        public Day {
            Objects.requireNonNull(day, "day");
            verdicts = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
        }

        public boolean alerts(String policy) {
            DayJudge.Judged judged = verdicts.get(policy);
            return judged != null && judged.alerts();
        }
    }

    /**
     * @param policies the policies compared, in order
     * @param current  the policy the job's settings name: the one the check uses
     * @param days     the days a run would have checked, oldest first
     */
    public record Compared(List<String> policies, String current, List<Day> days) {
        public Compared {
            policies = List.copyOf(policies);
            Objects.requireNonNull(current, "current");
            days = List.copyOf(days);
        }

        /** The days {@code policy} would have alerted on, oldest first. */
        public List<LocalDate> alertDays(String policy) {
            return days.stream().filter(d -> d.alerts(policy)).map(Day::day).toList();
        }
    }

    /**
     * Judges {@code from} to {@code to} under each of {@code policies}, with {@code settings} (the job's) but for the
     * policy. {@code series} must reach back to {@code from} minus the look-back.
     */
    public static Compared run(
            CountSeries series, LocalDate from, LocalDate to, JobSettings settings, List<HealthPolicy> policies) {
        Map<String, List<DayJudge.Judged>> byPolicy = new LinkedHashMap<>();
        for (HealthPolicy policy : policies) {
            byPolicy.put(policy.name(), Backtest.run(series, from, to, settings.withPolicy(policy.name()), policy));
        }
        // Which days a run checks depends on the look-back only, not on the policy: every list has the same days.
        List<Day> days = new ArrayList<>();
        List<DayJudge.Judged> first = byPolicy.values().stream().findFirst().orElse(List.of());
        for (int i = 0; i < first.size(); i++) {
            Map<String, DayJudge.Judged> verdicts = new LinkedHashMap<>();
            for (var entry : byPolicy.entrySet()) {
                verdicts.put(entry.getKey(), entry.getValue().get(i));
            }
            Assessment a = first.get(i).assessment();
            days.add(new Day(a.day(), a.count(), verdicts));
        }
        return new Compared(List.copyOf(byPolicy.keySet()), settings.policy(), days);
    }

    /** {@link #run} under every standard policy. */
    public static Compared run(CountSeries series, LocalDate from, LocalDate to, JobSettings settings) {
        Policies standard = Policies.standard();
        List<HealthPolicy> all = standard.names().stream()
                .map(name -> standard.named(name).orElseThrow())
                .toList();
        return run(series, from, to, settings, all);
    }
}
