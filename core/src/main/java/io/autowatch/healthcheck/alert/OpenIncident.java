package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.Severity;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A job that alerted and has not been healthy since: a recovery notice is owed when it is.
 *
 * @param severity the severity of its last alert
 * @param paged    whether any of its alerts paged: then its recovery (or retirement) resolves the page, even if the
 *                 job's severity was lowered to warning meanwhile
 */
public record OpenIncident(
        JobId job,
        LocalDate openedDay,
        LocalDate lastAlertDay,
        Severity severity,
        HealthStatus lastStatus,
        boolean paged) {
    public OpenIncident {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(openedDay, "openedDay");
        Objects.requireNonNull(lastAlertDay, "lastAlertDay");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(lastStatus, "lastStatus");
    }

    /** An incident whose alerts paged when, and only when, this severity is critical. */
    public OpenIncident(
            JobId job, LocalDate openedDay, LocalDate lastAlertDay, Severity severity, HealthStatus lastStatus) {
        this(job, openedDay, lastAlertDay, severity, lastStatus, severity == Severity.CRITICAL);
    }

    /** The severity its resolving notice goes out with: critical (chat and paging) if it ever paged. */
    public Severity resolvingSeverity() {
        return paged ? Severity.CRITICAL : severity;
    }
}
