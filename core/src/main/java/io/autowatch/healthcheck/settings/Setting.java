package io.autowatch.healthcheck.settings;

import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * One setting that an override may change, typed by its value: the one list of the single-valued fields of
 * {@link JobSettings} that overrides know. (The excluded and expected-low dates add up across layers instead, so
 * {@link SettingsOverride} keeps them apart.)
 *
 * @param name the field's name in {@link JobSettings} and in the settings store
 * @param type the value's class
 * @param read the field's value in resolved settings
 */
public record Setting<T>(String name, Class<T> type, Function<JobSettings, T> read) {

    public static final Setting<String> POLICY = new Setting<>("policy", String.class, JobSettings::policy);
    public static final Setting<Integer> WINDOW = new Setting<>("window", Integer.class, JobSettings::window);
    public static final Setting<BigDecimal> SIGMAS = new Setting<>("sigmas", BigDecimal.class, JobSettings::sigmas);
    public static final Setting<BigDecimal> PERCENT = new Setting<>("percent", BigDecimal.class, JobSettings::percent);
    public static final Setting<Integer> MIN_HISTORY =
            new Setting<>("minHistory", Integer.class, JobSettings::minHistory);
    public static final Setting<ZeroAlerts> ZERO_ALERTS =
            new Setting<>("zeroAlerts", ZeroAlerts.class, JobSettings::zeroAlerts);
    public static final Setting<Severity> SEVERITY = new Setting<>("severity", Severity.class, JobSettings::severity);
    public static final Setting<ZoneId> TIME_ZONE = new Setting<>("timeZone", ZoneId.class, JobSettings::timeZone);
    public static final Setting<Integer> LOOKBACK_DAYS =
            new Setting<>("lookbackDays", Integer.class, JobSettings::lookbackDays);
    public static final Setting<BigDecimal> FALSE_ALARM_RATE =
            new Setting<>("falseAlarmRate", BigDecimal.class, JobSettings::falseAlarmRate);
    public static final Setting<Long> MIN_CHANGE = new Setting<>("minChange", Long.class, JobSettings::minChange);
    public static final Setting<BigDecimal> MIN_CHANGE_PERCENT =
            new Setting<>("minChangePercent", BigDecimal.class, JobSettings::minChangePercent);

    /**
     * A public-holiday calendar ({@code US}, {@code DE-BY}): not a field of {@link JobSettings}, since
     * {@link SettingsBook} turns it into expected-low dates; a narrower scope's calendar replaces a wider one's.
     */
    public static final Setting<String> HOLIDAYS = new Setting<>("holidays", String.class, settings -> "");

    /** Every setting that is a field of {@link JobSettings}, in the order of its components. */
    public static final List<Setting<?>> ALL = List.of(
            POLICY,
            WINDOW,
            SIGMAS,
            PERCENT,
            MIN_HISTORY,
            ZERO_ALERTS,
            SEVERITY,
            TIME_ZONE,
            LOOKBACK_DAYS,
            FALSE_ALARM_RATE,
            MIN_CHANGE,
            MIN_CHANGE_PERCENT);

    /** {@code value} as this setting's type; a value of another type is a programming error. */
    T cast(Object value) {
        return type.cast(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
