package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Something the health check tells people about one job and day. */
public sealed interface Notification permits Notification.Alert, Notification.Recovery {

    JobId job();

    Assessment assessment();

    /** When the check decided it; shown as the state change time. */
    Instant decidedAt();

    Severity severity();

    default LocalDate day() {
        return assessment().day();
    }

    /** The {@code status} message attribute. */
    default HealthStatus status() {
        return assessment().status();
    }

    /** The first day of the incident this notice belongs to: its chat thread. */
    LocalDate incidentOpened();

    /**
     * A day that is {@code UNHEALTHY}, or a {@code ZERO} day that alerts.
     *
     * @param incidentOpened the first day of the job's open incident, or this day when it opens one
     */
    record Alert(JobId job, Assessment assessment, JobSettings settings, Instant decidedAt, LocalDate incidentOpened)
            implements Notification {
        public Alert {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(assessment, "assessment");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(decidedAt, "decidedAt");
            Objects.requireNonNull(incidentOpened, "incidentOpened");
        }

        /** An alert that opens an incident. */
        public Alert(JobId job, Assessment assessment, JobSettings settings, Instant decidedAt) {
            this(job, assessment, settings, decidedAt, assessment.day());
        }

        @Override
        public Severity severity() {
            return settings.severity();
        }
    }

    /** A job with an open incident that is healthy again. */
    record Recovery(JobId job, Assessment assessment, OpenIncident incident, Instant decidedAt)
            implements Notification {
        public Recovery {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(assessment, "assessment");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(decidedAt, "decidedAt");
        }

        @Override
        public Severity severity() {
            return incident.resolvingSeverity();
        }

        @Override
        public LocalDate incidentOpened() {
            return incident.openedDay();
        }
    }
}
