package io.autowatch.health.alert;

import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            failures.stream().map(f -> f.job().value()).sorted().forEach(id -> {
                sha.update(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return JobId.of("failed-jobs/"
                    + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 32));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
