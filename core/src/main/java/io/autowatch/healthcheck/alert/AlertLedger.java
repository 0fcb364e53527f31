package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Remembers which notifications were sent, so that each is published once per job and day however often a day
 * is checked, and which jobs have an open incident that a recovery must close (port).
 */
public interface AlertLedger {

    enum Kind {
        ALERT,
        RECOVERY,
        /** A run's message listing failed jobs; its "job" names the set of jobs, so each set is told once a day. */
        FAILURES
    }

    /** One notification: a job, a day and what is said about it. */
    record Notice(JobId job, LocalDate day, Kind kind) {}

    /**
     * Which of {@code notices} were sent already, read in bulk before any claim, so that a re-run of a day (a
     * backfill, a retry, a job's own check on finishing) skips them without a write each. A notice it does not
     * report is simply claimed: {@link #claim} stays the decision, and this only saves work.
     */
    default Set<Notice> alreadySent(Collection<Notice> notices) {
        return Set.of();
    }

    /**
     * Claims the right to publish one notification. A claim that was never {@linkplain #markSent marked sent}
     * expires after {@code staleAfter}, so that a run that died between claim and publish is made good by a re-run;
     * and a retry of the same invocation ({@code run}) takes it over at once, since Lambda retries only an
     * invocation that failed or timed out, so the claim's holder is dead.
     *
     * @return false when it was sent already, or another run holds a live claim
     */
    boolean claim(JobId job, LocalDate day, Kind kind, Instant now, Duration staleAfter, String run);

    void markSent(JobId job, LocalDate day, Kind kind, Instant now);

    /** Gives a claim back after a failed publish, so that the next run tries again. */
    void release(JobId job, LocalDate day, Kind kind);

    /** Every job with an open incident. */
    Map<JobId, OpenIncident> openIncidents();

    /** Records an alert on the job's incident, opening one if none is open; never moves it back in time. */
    void recordAlert(OpenIncident incident);

    /**
     * Closes the incident, unless a newer alert was recorded on it meanwhile.
     *
     * @return true when it was closed; false when a newer alert keeps it open (or it was closed already)
     */
    boolean close(OpenIncident incident);

    /** Marks the job retired on {@code day}: not checked until it writes a count for a later day. */
    void retire(JobId job, LocalDate day);

    /** Forgets a retirement: the job wrote again, so it is checked like any other from now on. */
    void unretire(JobId job);

    /** Every retired job and the day it was retired on. */
    Map<JobId, LocalDate> retired();
}
