package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import io.autowatch.digest.Sha256;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The jobs one run could not check or could not tell anyone about, for one message to the chat topic per run: a job
 * that fails sends nothing of its own, so without this its owner would hear nothing.
 *
 * @param run what the run was ("scheduled at 2026-11-21T00:30:00Z", "manual run for 2026-11-20")
 */
public record FailedJobs(String run, List<Failure> failures) {

    /** One job, the day it was checked for, and why it failed, in words its owner can act on. */
    public record Failure(JobId job, LocalDate day, String reason) {
        public Failure {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public FailedJobs {
        Objects.requireNonNull(run, "run");
        failures = List.copyOf(failures);
    }

    /** A name for a set of failed jobs ("failed-jobs/<digest>"), so that the ledger tells each set once a day. */
    public static JobId setKey(List<Failure> failures) {
        // Each id ends in a NUL, which no job id holds, so that two sets never run together into the same bytes.
        String ids = failures.stream().map(f -> f.job().value() + "\0").sorted().collect(Collectors.joining());
        return JobId.of("failed-jobs/" + Sha256.hex(ids).substring(0, 32));
    }
}
