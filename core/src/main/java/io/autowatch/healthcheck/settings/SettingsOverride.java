package io.autowatch.healthcheck.settings;

import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Settings that one scope changes; absent fields keep what a wider scope (or the built-in default) says.
 *
 * @param scope   which jobs it applies to
 * @param values  the settings this scope sets, each of its {@link Setting}'s type
 * @param excludedDates dates this scope excludes; unlike the other fields they add up across layers, so that the
 *                {@code default} override can hold a deployment's calendar and a job's own override add to it
 * @param expectedLowDates dates on which this scope expects less work (holidays that only slow a job down); they add
 *                up across layers like {@code excludedDates}
 * @param problem why the stored override could not be read, if it could not; jobs in its scope then fail with
 *                this message instead of being checked with settings nobody meant
 */
public record SettingsOverride(
        Scope scope,
        Map<Setting<?>, Object> values,
        SortedSet<LocalDate> excludedDates,
        SortedSet<LocalDate> expectedLowDates,
        Optional<String> problem) {

    public SettingsOverride {
        Objects.requireNonNull(scope, "scope");
        values.forEach((setting, value) -> setting.cast(Objects.requireNonNull(value, setting.name())));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        excludedDates = Collections.unmodifiableSortedSet(new TreeSet<>(excludedDates));
        expectedLowDates = Collections.unmodifiableSortedSet(new TreeSet<>(expectedLowDates));
        Objects.requireNonNull(problem, "problem");
    }

    /** An override with no fields set, to build on with the {@code with…} methods. */
    public static SettingsOverride empty(Scope scope) {
        return new SettingsOverride(
                scope, Map.of(), Collections.emptySortedSet(), Collections.emptySortedSet(), Optional.empty());
    }

    /** A stored override that could not be read. */
    public static SettingsOverride unreadable(Scope scope, String problem) {
        return empty(scope).withProblem(problem);
    }

    /** The value this override sets for {@code setting}, if it sets one. */
    public <T> Optional<T> get(Setting<T> setting) {
        return Optional.ofNullable(values.get(setting)).map(setting::cast);
    }

    /** This override with {@code setting} set to {@code value}. */
    public <T> SettingsOverride with(Setting<T> setting, T value) {
        Map<Setting<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(setting, setting.cast(value));
        return new SettingsOverride(scope, changed, excludedDates, expectedLowDates, problem);
    }

    public Optional<String> policy() {
        return get(Setting.POLICY);
    }

    public Optional<Integer> window() {
        return get(Setting.WINDOW);
    }

    public Optional<BigDecimal> sigmas() {
        return get(Setting.SIGMAS);
    }

    public Optional<BigDecimal> percent() {
        return get(Setting.PERCENT);
    }

    public Optional<Integer> minHistory() {
        return get(Setting.MIN_HISTORY);
    }

    public Optional<ZeroAlerts> zeroAlerts() {
        return get(Setting.ZERO_ALERTS);
    }

    public Optional<Severity> severity() {
        return get(Setting.SEVERITY);
    }

    public Optional<ZoneId> timeZone() {
        return get(Setting.TIME_ZONE);
    }

    public Optional<Integer> lookbackDays() {
        return get(Setting.LOOKBACK_DAYS);
    }

    public Optional<BigDecimal> falseAlarmRate() {
        return get(Setting.FALSE_ALARM_RATE);
    }

    public Optional<Long> minChange() {
        return get(Setting.MIN_CHANGE);
    }

    public Optional<BigDecimal> minChangePercent() {
        return get(Setting.MIN_CHANGE_PERCENT);
    }

    /** The public-holiday calendar this scope names ({@code US}, {@code DE-BY}), if it names one. */
    public Optional<String> holidays() {
        return get(Setting.HOLIDAYS);
    }

    public SettingsOverride withHolidays(String calendar) {
        return with(Setting.HOLIDAYS, calendar);
    }

    public SettingsOverride withPolicy(String value) {
        return with(Setting.POLICY, value);
    }

    public SettingsOverride withWindow(int value) {
        return with(Setting.WINDOW, value);
    }

    public SettingsOverride withSigmas(BigDecimal value) {
        return with(Setting.SIGMAS, value);
    }

    public SettingsOverride withPercent(BigDecimal value) {
        return with(Setting.PERCENT, value);
    }

    public SettingsOverride withMinHistory(int value) {
        return with(Setting.MIN_HISTORY, value);
    }

    public SettingsOverride withZeroAlerts(ZeroAlerts value) {
        return with(Setting.ZERO_ALERTS, value);
    }

    public SettingsOverride withSeverity(Severity value) {
        return with(Setting.SEVERITY, value);
    }

    public SettingsOverride withTimeZone(ZoneId value) {
        return with(Setting.TIME_ZONE, value);
    }

    public SettingsOverride withLookbackDays(int value) {
        return with(Setting.LOOKBACK_DAYS, value);
    }

    public SettingsOverride withFalseAlarmRate(BigDecimal value) {
        return with(Setting.FALSE_ALARM_RATE, value);
    }

    public SettingsOverride withMinChange(long value) {
        return with(Setting.MIN_CHANGE, value);
    }

    public SettingsOverride withMinChangePercent(BigDecimal value) {
        return with(Setting.MIN_CHANGE_PERCENT, value);
    }

    /** This override with {@code days} added to its excluded dates. */
    public SettingsOverride withExcludedDates(Set<LocalDate> days) {
        return new SettingsOverride(scope, values, union(excludedDates, days), expectedLowDates, problem);
    }

    /** This override with {@code days} added to its expected-low dates. */
    public SettingsOverride withExpectedLowDates(Set<LocalDate> days) {
        return new SettingsOverride(scope, values, excludedDates, union(expectedLowDates, days), problem);
    }

    public SettingsOverride withProblem(String value) {
        return new SettingsOverride(scope, values, excludedDates, expectedLowDates, Optional.of(value));
    }

    /** These settings with this override's fields laid over them; validation happens in {@link JobSettings}. */
    JobSettings applyTo(JobSettings base) {
        return new JobSettings(
                valueOr(Setting.POLICY, base),
                valueOr(Setting.WINDOW, base),
                valueOr(Setting.SIGMAS, base),
                valueOr(Setting.PERCENT, base),
                valueOr(Setting.MIN_HISTORY, base),
                valueOr(Setting.ZERO_ALERTS, base),
                valueOr(Setting.SEVERITY, base),
                valueOr(Setting.TIME_ZONE, base),
                valueOr(Setting.LOOKBACK_DAYS, base),
                valueOr(Setting.FALSE_ALARM_RATE, base),
                valueOr(Setting.MIN_CHANGE, base),
                valueOr(Setting.MIN_CHANGE_PERCENT, base),
                union(base.excludedDates(), excludedDates),
                union(base.expectedLowDates(), expectedLowDates));
    }

    /** Like {@link #applyTo} but without validating, for fields that later layers still change. */
    SettingsOverride layeredOver(SettingsOverride base) {
        Map<Setting<?>, Object> merged = new LinkedHashMap<>(base.values);
        merged.putAll(values);
        return new SettingsOverride(
                scope,
                merged,
                union(base.excludedDates, excludedDates),
                union(base.expectedLowDates, expectedLowDates),
                problem.or(base::problem));
    }

    private <T> T valueOr(Setting<T> setting, JobSettings base) {
        return get(setting).orElseGet(() -> setting.read().apply(base));
    }

    private static SortedSet<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        SortedSet<LocalDate> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
