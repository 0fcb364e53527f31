package io.autowatch.health;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The settings one job is checked with, after defaults and overrides are applied.
 *
 * @param policy       name of the {@link HealthPolicy} (default {@code classic})
 * @param window       how many of the most recent non-zero days form the history (default 14)
 * @param sigmas       width of the deviation band, in standard deviations (default 2)
 * @param percent      width of the relative band, in percent of the mean (default 20)
 * @param minHistory   fewer non-zero days than this gives {@code INSUFFICIENT_HISTORY} (default 7)
 * @param zeroAlerts   whether a {@code ZERO} day alerts (default {@code auto})
 * @param severity     severity of this job's alerts (default {@code critical})
 * @param timeZone     zone of the job's calendar days; a scheduled run checks the job's last complete local day
 * @param lookbackDays how many calendar days before the checked day are searched for history (default 42)
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
        int lookbackDays) {

    public static final int MAX_WINDOW = 366;
    public static final int MAX_LOOKBACK_DAYS = 400;

    public static final JobSettings DEFAULTS = new JobSettings(
            "classic",
            14,
            BigDecimal.valueOf(2),
            BigDecimal.valueOf(20),
            7,
            ZeroAlerts.AUTO,
            Severity.CRITICAL,
            ZoneOffset.UTC,
            42);

    public JobSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sigmas, "sigmas");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(zeroAlerts, "zeroAlerts");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(timeZone, "timeZone");
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
    }
}
