package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A job someone retired while it had an open incident: the incident is resolved (in PagerDuty and in its chat
 * thread) without the job ever being healthy again.
 *
 * @param day    the day it was retired on (UTC); the job is not checked again until it writes a count after it
 * @param reason what the person who retired it said, or a default
 */
public record Retirement(JobId job, OpenIncident incident, LocalDate day, String reason, Instant decidedAt) {
    public Retirement {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public String title() {
        return "RETIRED: " + job + " (its incident opened on " + incident.openedDay() + " is resolved)";
    }

    public String summary() {
        return job + " was retired on " + day + ": " + reason + ". It alerted last on " + incident.lastAlertDay()
                + "; it is not checked again until it writes a count for a day after " + day + ".";
    }
}
