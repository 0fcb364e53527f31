package io.autowatch.healthcheck;

import java.util.Locale;

/**
 * Whether a {@link HealthStatus#ZERO} day raises an alert.
 *
 * <ul>
 *   <li>{@code auto} (default): it alerts when the run of zero days that ends on the checked day is longer than
 *       every run of zero days the job had before it within its look-back. A job that never had a zero day alerts on
 *       its first one; a job that is idle at weekends alerts on the third zero day in a row (a dead Monday); a
 *       low-volume job whose zero days come alone or in pairs alerts once a run reaches three. A job that died keeps
 *       alerting every day, since each day lengthens the run.</li>
 *   <li>{@code always}: every zero day alerts.</li>
 *   <li>{@code never}: zero days never alert (they are still recorded as {@code ZERO}).</li>
 * </ul>
 */
public enum ZeroAlerts {
    AUTO,
    ALWAYS,
    NEVER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ZeroAlerts parse(String text) {
        for (ZeroAlerts mode : values()) {
            if (mode.wireName().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("zeroAlerts must be 'auto', 'always' or 'never', not '" + text + "'");
    }
}
