package io.autowatch.health;

import io.autowatch.counts.DayCount;
import java.util.List;

/** Decides whether an assessed day raises an alert. Recoveries are decided against open incidents instead. */
public final class AlertRule {

    private AlertRule() {}

    /**
     * True when this day must alert: every {@code UNHEALTHY} day, and {@code ZERO} days as {@link ZeroAlerts} says.
     * {@code HEALTHY} and {@code INSUFFICIENT_HISTORY} never alert.
     *
     * @param recorded the job's recorded days before the checked day within its look-back
     */
    public static boolean alerts(Assessment assessment, JobSettings settings, List<DayCount> recorded) {
        return switch (assessment.status()) {
            case UNHEALTHY -> true;
            case ZERO ->
                switch (settings.zeroAlerts()) {
                    case ALWAYS -> true;
                    case NEVER -> false;
                    case AUTO -> ZeroRuns.currentRunIsLongest(assessment.day(), recorded);
                };
            case HEALTHY, INSUFFICIENT_HISTORY -> false;
        };
    }
}
