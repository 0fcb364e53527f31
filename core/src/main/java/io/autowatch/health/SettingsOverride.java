package io.autowatch.health;

import io.autowatch.counts.JobId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Settings that one scope changes; absent fields keep what a wider scope (or the built-in default) says.
 *
 * @param scope   which jobs it applies to
 * @param excludedDates dates this scope excludes; unlike the other fields they add up across layers, so that the
 *                {@code default} override can hold a deployment's calendar and a job's own override add to it
 * @param problem why the stored override could not be read, if it could not; jobs in its scope then fail with
 *                this message instead of being checked with settings nobody meant
 */
public record SettingsOverride(
        Scope scope,
        Optional<String> policy,
        Optional<Integer> window,
        Optional<BigDecimal> sigmas,
        Optional<BigDecimal> percent,
        Optional<Integer> minHistory,
        Optional<ZeroAlerts> zeroAlerts,
        Optional<Severity> severity,
        Optional<ZoneId> timeZone,
        Optional<Integer> lookbackDays,
        Optional<BigDecimal> falseAlarmRate,
        Optional<Long> minChange,
        Optional<BigDecimal> minChangePercent,
        SortedSet<LocalDate> excludedDates,
        Optional<String> problem) {

    /** Which jobs an override applies to. Narrower scopes win: job over longest prefix over default. */
    public sealed interface Scope permits AllJobs, Prefix, Job {
        boolean covers(JobId job);

        /** Higher is narrower. */
        int precedence();

        /** How the scope is written in the settings store and in messages. */
        String key();
    }

    public record AllJobs() implements Scope {
        @Override
        public boolean covers(JobId job) {
            return true;
        }

        @Override
        public int precedence() {
            return 0;
        }

        @Override
        public String key() {
            return "default";
        }
    }

    public record Prefix(String prefix) implements Scope {
        public Prefix {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("a prefix override needs a non-empty prefix");
            }
        }

        @Override
        public boolean covers(JobId job) {
            return job.value().startsWith(prefix);
        }

        @Override
        public int precedence() {
            return 1 + prefix.length();
        }

        @Override
        public String key() {
            return "prefix:" + prefix;
        }
    }

    public record Job(JobId job) implements Scope {
        @Override
        public boolean covers(JobId other) {
            return job.equals(other);
        }

        @Override
        public int precedence() {
            return Integer.MAX_VALUE;
        }

        @Override
        public String key() {
            return "job:" + job.value();
        }
    }

    public SettingsOverride {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(sigmas, "sigmas");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(minHistory, "minHistory");
        Objects.requireNonNull(zeroAlerts, "zeroAlerts");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lookbackDays, "lookbackDays");
        Objects.requireNonNull(falseAlarmRate, "falseAlarmRate");
        Objects.requireNonNull(minChange, "minChange");
        Objects.requireNonNull(minChangePercent, "minChangePercent");
        excludedDates = Collections.unmodifiableSortedSet(new TreeSet<>(excludedDates));
        Objects.requireNonNull(problem, "problem");
    }

    /** An override with no fields set, to build on with the {@code with…} methods. */
    public static SettingsOverride empty(Scope scope) {
        return new SettingsOverride(
                scope,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Collections.emptySortedSet(),
                Optional.empty());
    }

    /** A stored override that could not be read. */
    public static SettingsOverride unreadable(Scope scope, String problem) {
        return empty(scope).withProblem(problem);
    }

    public SettingsOverride withPolicy(String value) {
        return new SettingsOverride(
                scope,
                Optional.of(value),
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withWindow(int value) {
        return new SettingsOverride(
                scope,
                policy,
                Optional.of(value),
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withSigmas(BigDecimal value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                Optional.of(value),
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withPercent(BigDecimal value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                Optional.of(value),
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withMinHistory(int value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                Optional.of(value),
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withZeroAlerts(ZeroAlerts value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                Optional.of(value),
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withSeverity(Severity value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                Optional.of(value),
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withTimeZone(ZoneId value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                Optional.of(value),
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withLookbackDays(int value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                Optional.of(value),
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withFalseAlarmRate(BigDecimal value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                Optional.of(value),
                minChange,
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withMinChange(long value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                Optional.of(value),
                minChangePercent,
                excludedDates,
                problem);
    }

    public SettingsOverride withMinChangePercent(BigDecimal value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                Optional.of(value),
                excludedDates,
                problem);
    }

    /** This override with {@code days} added to its excluded dates. */
    public SettingsOverride withExcludedDates(Set<LocalDate> days) {
        SortedSet<LocalDate> all = new TreeSet<>(excludedDates);
        all.addAll(days);
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                all,
                problem);
    }

    public SettingsOverride withProblem(String value) {
        return new SettingsOverride(
                scope,
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                falseAlarmRate,
                minChange,
                minChangePercent,
                excludedDates,
                Optional.of(value));
    }

    /** These settings with this override's fields laid over them; validation happens in {@link JobSettings}. */
    JobSettings applyTo(JobSettings base) {
        SortedSet<LocalDate> dates = new TreeSet<>(base.excludedDates());
        dates.addAll(excludedDates);
        return new JobSettings(
                policy.orElse(base.policy()),
                window.orElse(base.window()),
                sigmas.orElse(base.sigmas()),
                percent.orElse(base.percent()),
                minHistory.orElse(base.minHistory()),
                zeroAlerts.orElse(base.zeroAlerts()),
                severity.orElse(base.severity()),
                timeZone.orElse(base.timeZone()),
                lookbackDays.orElse(base.lookbackDays()),
                falseAlarmRate.orElse(base.falseAlarmRate()),
                minChange.orElse(base.minChange()),
                minChangePercent.orElse(base.minChangePercent()),
                dates);
    }

    /** Like {@link #applyTo} but without validating, for fields that later layers still change. */
    SettingsOverride layeredOver(SettingsOverride base) {
        SortedSet<LocalDate> dates = new TreeSet<>(base.excludedDates());
        dates.addAll(excludedDates);
        return new SettingsOverride(
                scope,
                policy.or(base::policy),
                window.or(base::window),
                sigmas.or(base::sigmas),
                percent.or(base::percent),
                minHistory.or(base::minHistory),
                zeroAlerts.or(base::zeroAlerts),
                severity.or(base::severity),
                timeZone.or(base::timeZone),
                lookbackDays.or(base::lookbackDays),
                falseAlarmRate.or(base::falseAlarmRate),
                minChange.or(base::minChange),
                minChangePercent.or(base::minChangePercent),
                dates,
                problem.or(base::problem));
    }
}
