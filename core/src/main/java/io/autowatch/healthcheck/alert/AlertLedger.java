package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
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

    /** What a claim found: the notice is the caller's to send, was sent already, or another invocation holds it. */
    record Claim(Outcome outcome, Instant heldUntil) {

        public enum Outcome {
            TAKEN,
            SENT,
            /** Another invocation's lease on it is live until {@code heldUntil}. */
            HELD
        }

        public static Claim taken() {
            return new Claim(Outcome.TAKEN, Instant.MAX);
        }

        public static Claim sent() {
            return new Claim(Outcome.SENT, Instant.MAX);
        }

        public static Claim held(Instant until) {
            return new Claim(Outcome.HELD, until);
        }
    }

    /**
     * Claims the right to publish one notice, for {@code holder} (one invocation, named afresh each run) with a lease
     * until {@code until}, which the holder's heartbeat {@linkplain #renew renews} while it works. A lease that ran
     * out unsent belongs to an invocation that died, and is taken over; a live one is never, not even by a twin
     * delivery of the same event, which is how Lambda and EventBridge Scheduler may deliver it.
     *
     * @param run the event the claim is made for, kept on the claim for whoever reads it (not a key to it)
     */
    Claim claim(Notice notice, String holder, Instant now, Instant until, String run);

    /** Extends the holder's lease on an unsent claim; false when it holds it no more (sent, or taken over). */
    boolean renew(Notice notice, String holder, Instant until);

    void markSent(JobId job, LocalDate day, Kind kind, Instant now);

    /** Gives the holder's claim back after a failed publish, so that the next run tries again at once. */
    void release(Notice notice, String holder);

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
