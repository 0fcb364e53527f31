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
import java.util.function.Consumer;

/**
 * Settings that one scope changes; absent fields keep what a wider scope (or the built-in default) says.
 *
 * @param scope   which jobs it applies to
 * @param excludedDates dates this scope excludes; unlike the other fields they add up across layers, so that the
 *                {@code default} override can hold a deployment's calendar and a job's own override add to it
 * @param expectedLowDates dates on which this scope expects less work (holidays that only slow a job down); they add
 *                up across layers like {@code excludedDates}
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
        SortedSet<LocalDate> expectedLowDates,
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
        expectedLowDates = Collections.unmodifiableSortedSet(new TreeSet<>(expectedLowDates));
        Objects.requireNonNull(problem, "problem");
    }

    /** An override with no fields set, to build on with the {@code with…} methods. */
    public static SettingsOverride empty(Scope scope) {
        Draft d = new Draft();
        d.scope = scope;
        return d.build();
    }

    /** A stored override that could not be read. */
    public static SettingsOverride unreadable(Scope scope, String problem) {
        return empty(scope).withProblem(problem);
    }

    public SettingsOverride withPolicy(String value) {
        return with(d -> d.policy = Optional.of(value));
    }

    public SettingsOverride withWindow(int value) {
        return with(d -> d.window = Optional.of(value));
    }

    public SettingsOverride withSigmas(BigDecimal value) {
        return with(d -> d.sigmas = Optional.of(value));
    }

    public SettingsOverride withPercent(BigDecimal value) {
        return with(d -> d.percent = Optional.of(value));
    }

    public SettingsOverride withMinHistory(int value) {
        return with(d -> d.minHistory = Optional.of(value));
    }

    public SettingsOverride withZeroAlerts(ZeroAlerts value) {
        return with(d -> d.zeroAlerts = Optional.of(value));
    }

    public SettingsOverride withSeverity(Severity value) {
        return with(d -> d.severity = Optional.of(value));
    }

    public SettingsOverride withTimeZone(ZoneId value) {
        return with(d -> d.timeZone = Optional.of(value));
    }

    public SettingsOverride withLookbackDays(int value) {
        return with(d -> d.lookbackDays = Optional.of(value));
    }

    public SettingsOverride withFalseAlarmRate(BigDecimal value) {
        return with(d -> d.falseAlarmRate = Optional.of(value));
    }

    public SettingsOverride withMinChange(long value) {
        return with(d -> d.minChange = Optional.of(value));
    }

    public SettingsOverride withMinChangePercent(BigDecimal value) {
        return with(d -> d.minChangePercent = Optional.of(value));
    }

    /** This override with {@code days} added to its excluded dates. */
    public SettingsOverride withExcludedDates(Set<LocalDate> days) {
        return with(d -> d.excludedDates.addAll(days));
    }

    /** This override with {@code days} added to its expected-low dates. */
    public SettingsOverride withExpectedLowDates(Set<LocalDate> days) {
        return with(d -> d.expectedLowDates.addAll(days));
    }

    public SettingsOverride withProblem(String value) {
        return with(d -> d.problem = Optional.of(value));
    }

    /** These settings with this override's fields laid over them; validation happens in {@link JobSettings}. */
    JobSettings applyTo(JobSettings base) {
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
                union(base.excludedDates(), excludedDates),
                union(base.expectedLowDates(), expectedLowDates));
    }

    /** Like {@link #applyTo} but without validating, for fields that later layers still change. */
    SettingsOverride layeredOver(SettingsOverride base) {
        return with(d -> {
            d.policy = policy.or(base::policy);
            d.window = window.or(base::window);
            d.sigmas = sigmas.or(base::sigmas);
            d.percent = percent.or(base::percent);
            d.minHistory = minHistory.or(base::minHistory);
            d.zeroAlerts = zeroAlerts.or(base::zeroAlerts);
            d.severity = severity.or(base::severity);
            d.timeZone = timeZone.or(base::timeZone);
            d.lookbackDays = lookbackDays.or(base::lookbackDays);
            d.falseAlarmRate = falseAlarmRate.or(base::falseAlarmRate);
            d.minChange = minChange.or(base::minChange);
            d.minChangePercent = minChangePercent.or(base::minChangePercent);
            d.excludedDates.addAll(base.excludedDates());
            d.expectedLowDates.addAll(base.expectedLowDates());
            d.problem = problem.or(base::problem);
        });
    }

    private static SortedSet<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        SortedSet<LocalDate> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** This override with some fields changed, so that each {@code with…} method names only the field it changes. */
    private SettingsOverride with(Consumer<Draft> change) {
        Draft d = new Draft();
        d.scope = scope;
        d.policy = policy;
        d.window = window;
        d.sigmas = sigmas;
        d.percent = percent;
        d.minHistory = minHistory;
        d.zeroAlerts = zeroAlerts;
        d.severity = severity;
        d.timeZone = timeZone;
        d.lookbackDays = lookbackDays;
        d.falseAlarmRate = falseAlarmRate;
        d.minChange = minChange;
        d.minChangePercent = minChangePercent;
        d.excludedDates.addAll(excludedDates);
        d.expectedLowDates.addAll(expectedLowDates);
        d.problem = problem;
        change.accept(d);
        return d.build();
    }

    /** The fields of an override being changed; every field starts unset. */
    private static final class Draft {
        Scope scope;
        Optional<String> policy = Optional.empty();
        Optional<Integer> window = Optional.empty();
        Optional<BigDecimal> sigmas = Optional.empty();
        Optional<BigDecimal> percent = Optional.empty();
        Optional<Integer> minHistory = Optional.empty();
        Optional<ZeroAlerts> zeroAlerts = Optional.empty();
        Optional<Severity> severity = Optional.empty();
        Optional<ZoneId> timeZone = Optional.empty();
        Optional<Integer> lookbackDays = Optional.empty();
        Optional<BigDecimal> falseAlarmRate = Optional.empty();
        Optional<Long> minChange = Optional.empty();
        Optional<BigDecimal> minChangePercent = Optional.empty();
        final SortedSet<LocalDate> excludedDates = new TreeSet<>();
        final SortedSet<LocalDate> expectedLowDates = new TreeSet<>();
        Optional<String> problem = Optional.empty();

        SettingsOverride build() {
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
                    expectedLowDates,
                    problem);
        }
    }
}
