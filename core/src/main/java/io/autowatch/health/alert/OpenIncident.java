package io.autowatch.health.alert;

import io.autowatch.counts.JobId;
import io.autowatch.health.HealthStatus;
import io.autowatch.health.Severity;
import java.time.LocalDate;
import java.util.Objects;

/** A job that alerted and has not been healthy since: a recovery notice is owed when it is. */
public record OpenIncident(
        JobId job, LocalDate openedDay, LocalDate lastAlertDay, Severity severity, HealthStatus lastStatus) {
    public OpenIncident {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(openedDay, "openedDay");
        Objects.requireNonNull(lastAlertDay, "lastAlertDay");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(lastStatus, "lastStatus");
    }
}
