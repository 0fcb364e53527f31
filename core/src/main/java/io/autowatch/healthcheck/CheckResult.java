package io.autowatch.healthcheck;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.judge.AlertRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The outcome of checking one job for one day, as stored for later reading (charts, audits). */
public sealed interface CheckResult permits CheckResult.Checked, CheckResult.Failed {

    JobId job();

    LocalDate day();

    Instant checkedAt();

    /** A judged day; {@code alerts} says whether it raises an alert ({@link AlertRule}). */
    record Checked(JobId job, Assessment assessment, JobSettings settings, boolean alerts, Instant checkedAt)
            implements CheckResult {
        public Checked {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(assessment, "assessment");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }

        @Override
        public LocalDate day() {
            return assessment.day();
        }
    }

    /** A job that could not be judged; {@code reason} says why, naming job and day. */
    record Failed(JobId job, LocalDate day, String reason, Instant checkedAt) implements CheckResult {
        public Failed {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }
}
