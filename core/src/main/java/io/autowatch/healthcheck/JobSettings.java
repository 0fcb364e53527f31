package io.autowatch.healthcheck;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The settings one job is checked with, after defaults and overrides are applied.
 *
 * @param policy       name of the {@link HealthPolicy} (default {@code adaptive}; {@code classic} is the seed's rule)
 * @param window       {@code classic}: how many of the most recent non-zero days form the history (default 14)
 * @param sigmas       {@code classic}: width of the deviation band, in standard deviations (default 2)
 * @param percent      {@code classic}: width of the relative band, in percent of the mean (default 20)
 * @param minHistory   fewer non-zero days than this gives {@code INSUFFICIENT_HISTORY} (default 7)
 * @param zeroAlerts   whether a {@code ZERO} day alerts (default {@code auto})
 * @param severity     severity of this job's alerts (default {@code critical})
 * @param timeZone     zone of the job's calendar days; a scheduled run checks the job's last complete local day
 * @param lookbackDays how many calendar days before the checked day are searched for history (default 42)
 * @param falseAlarmRate {@code adaptive}: the share of normal job-days that may alert, its one sensitivity knob
 *     (default 1e-4, about one false alarm per job in 27 years)
 * @param minChange {@code adaptive}: a day (or a run of days) must differ from what was expected by at least this
 *     many counts before it alerts (default 5)
 * @param minChangePercent {@code adaptive}: … and by at least this percentage of what was expected (default 10)
 * @param excludedDates {@code adaptive}: days that neither alert nor teach the policy anything (holidays, known
 *     events); overrides add up, so the {@code default} override can hold a deployment's calendar. {@code classic}
 *     ignores them
 * @param expectedLowDates {@code adaptive}: days on which less work is expected (a holiday that slows a job down):
 *     a count below the expectation, a zero included, never alerts; a count above the usual range still does; the
 *     day is never learned from. Overrides add up like {@code excludedDates}. {@code classic} ignores them
 */
public record JobSettings(
        String policy,
        int window,
        BigDecimal sigmas,
        BigDecimal percent,
        int minHistory,
        ZeroAlerts zeroAlerts,
        Severity severity,
        ZoneId timeZone,
        int lookbackDays,
        BigDecimal falseAlarmRate,
        long minChange,
        BigDecimal minChangePercent,
        SortedSet<LocalDate> excludedDates,
        SortedSet<LocalDate> expectedLowDates) {

    public static final int MAX_WINDOW = 366;
    public static final int MAX_LOOKBACK_DAYS = 400;
    /** At most this many excluded dates per job: a calendar, not a way to silence a job (that is zeroAlerts, severity). */
    public static final int MAX_EXCLUDED_DATES = 400;

    public static final BigDecimal DEFAULT_FALSE_ALARM_RATE = new BigDecimal("0.0001");
    public static final long DEFAULT_MIN_CHANGE = 5;
    public static final BigDecimal DEFAULT_MIN_CHANGE_PERCENT = BigDecimal.valueOf(10);

    /** The built-in settings; overrides are laid over them. The default policy judges by the job's own noise. */
    public static final JobSettings DEFAULTS = new JobSettings(
            "adaptive",
            14,
            BigDecimal.valueOf(2),
            BigDecimal.valueOf(20),
            7,
            ZeroAlerts.AUTO,
            Severity.CRITICAL,
            ZoneOffset.UTC,
            42,
            DEFAULT_FALSE_ALARM_RATE,
            DEFAULT_MIN_CHANGE,
            DEFAULT_MIN_CHANGE_PERCENT,
            Collections.emptySortedSet(),
            Collections.emptySortedSet());

    public JobSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sigmas, "sigmas");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(zeroAlerts, "zeroAlerts");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(falseAlarmRate, "falseAlarmRate");
        Objects.requireNonNull(minChangePercent, "minChangePercent");
        excludedDates = Collections.unmodifiableSortedSet(new TreeSet<>(excludedDates));
        expectedLowDates = Collections.unmodifiableSortedSet(new TreeSet<>(expectedLowDates));
        if (window < 2 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be from 2 to " + MAX_WINDOW + ", not " + window);
        }
        if (sigmas.signum() <= 0 || sigmas.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("sigmas must be above 0 and at most 10, not " + sigmas);
        }
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("percent must be above 0 and at most 1000, not " + percent);
        }
        if (minHistory < 2 || minHistory > window) {
            throw new IllegalArgumentException(
                    "minHistory must be from 2 to the window (" + window + "), not " + minHistory);
        }
        if (lookbackDays < window || lookbackDays > MAX_LOOKBACK_DAYS) {
            throw new IllegalArgumentException("lookbackDays must be from the window (" + window + ") to "
                    + MAX_LOOKBACK_DAYS + ", not " + lookbackDays);
        }
        if (falseAlarmRate.signum() <= 0 || falseAlarmRate.compareTo(new BigDecimal("0.1")) > 0) {
            throw new IllegalArgumentException(
                    "falseAlarmRate must be above 0 and at most 0.1, not " + falseAlarmRate.toPlainString());
        }
        if (minChange < 0 || minChange > 1_000_000_000_000L) {
            throw new IllegalArgumentException("minChange must be from 0 to 10^12, not " + minChange);
        }
        if (minChangePercent.signum() < 0 || minChangePercent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException(
                    "minChangePercent must be from 0 to 1000, not " + minChangePercent.toPlainString());
        }
        if (excludedDates.size() > MAX_EXCLUDED_DATES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_EXCLUDED_DATES + " excluded dates, not " + excludedDates.size());
        }
        if (expectedLowDates.size() > MAX_EXCLUDED_DATES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_EXCLUDED_DATES + " expected-low dates, not " + expectedLowDates.size());
        }
    }

    /** The settings {@code classic} knows, with the {@code adaptive} ones at their defaults. */
    public JobSettings(
            String policy,
            int window,
            BigDecimal sigmas,
            BigDecimal percent,
            int minHistory,
            ZeroAlerts zeroAlerts,
            Severity severity,
            ZoneId timeZone,
            int lookbackDays) {
        this(
                policy,
                window,
                sigmas,
                percent,
                minHistory,
                zeroAlerts,
                severity,
                timeZone,
                lookbackDays,
                DEFAULT_FALSE_ALARM_RATE,
                DEFAULT_MIN_CHANGE,
                DEFAULT_MIN_CHANGE_PERCENT,
                Collections.emptySortedSet());
    }

    /** True when {@code day} is one of the excluded dates. */
    public boolean excludes(LocalDate day) {
        return excludedDates.contains(day);
    }

    /** True when {@code day} is one of the expected-low dates. */
    public boolean expectsLow(LocalDate day) {
        return expectedLowDates.contains(day);
    }

    /** True when the policy must not learn from {@code day}: an excluded or an expected-low date. */
    public boolean unlearned(LocalDate day) {
        return excludedDates.contains(day) || expectedLowDates.contains(day);
    }

    /** Settings without expected-low dates. */
    public JobSettings(
            String policy,
            int window,
            BigDecimal sigmas,
            BigDecimal percent,
            int minHistory,
            ZeroAlerts zeroAlerts,
            Severity severity,
            ZoneId timeZone,
            int lookbackDays,
            BigDecimal falseAlarmRate,
            long minChange,
            BigDecimal minChangePercent,
            SortedSet<LocalDate> excludedDates) {
        this(
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
                Collections.emptySortedSet());
    }

    /** These settings judged by another policy, with everything else kept. */
    public JobSettings withPolicy(String name) {
        return changed(name, excludedDates, expectedLowDates);
    }

    /** These settings with {@code days} added to the expected-low dates. */
    public JobSettings withExpectedLowDates(Set<LocalDate> days) {
        return changed(policy, excludedDates, union(expectedLowDates, days));
    }

    /** These settings with {@code days} added to the excluded dates. */
    public JobSettings withExcludedDates(Set<LocalDate> days) {
        return changed(policy, union(excludedDates, days), expectedLowDates);
    }

    /** The one place that copies these settings (an override's fields are laid over them by the settings package). */
    private JobSettings changed(String policy, Set<LocalDate> excluded, Set<LocalDate> expectedLow) {
        return new JobSettings(
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
                new TreeSet<>(excluded),
                new TreeSet<>(expectedLow));
    }

    private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
