package io.autowatch.healthcheck.run;

import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.AlertLedger.Claim;
import io.autowatch.healthcheck.alert.AlertLedger.Notice;
import io.autowatch.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's claims on notices, as a lease with a heartbeat (as AWS's DynamoDB lock client keeps a lock): the run
 * names itself afresh ({@link #holder}), claims each notice for {@link #length}, and renews its unsent claims every
 * third of that while it lives (by default {@link HealthCheckService#DEFAULT_CLAIM_LEASE}). So a claim belongs to one live invocation:
 *
 * <ul>
 *   <li>a twin delivery of the same event, running beside it, finds every notice held and sends nothing; it waits
 *       for them to be sent ({@link #claimWhenFree}), and they are;</li>
 *   <li>a run killed after claiming stops renewing, and its leases run out within {@link #length}: a retry or a
 *       redrive waits that long at most and then sends them.</li>
 * </ul>
 */
final class ClaimLeases implements AutoCloseable {

    private static final Log LOG = Log.of(HealthCheckService.class);

    private final AlertLedger ledger;
    private final Clock clock;
    private final Duration length;
    private final String holder = "run-" + UUID.randomUUID();
    private final Set<Notice> held = ConcurrentHashMap.newKeySet();
    private final Thread heartbeat;

    private ClaimLeases(AlertLedger ledger, Clock clock, Duration length) {
        this.ledger = Objects.requireNonNull(ledger);
        this.clock = Objects.requireNonNull(clock);
        this.length = Objects.requireNonNull(length);
        // A platform daemon thread: starting the first virtual thread would set up their scheduler on a cold start.
        this.heartbeat = Thread.ofPlatform()
                .daemon()
                .name("health-check-lease-heartbeat")
                .unstarted(this::beat);
    }

    static ClaimLeases start(AlertLedger ledger, Clock clock, Duration length) {
        ClaimLeases leases = new ClaimLeases(ledger, clock, length);
        leases.heartbeat.start();
        return leases;
    }

    String holder() {
        return holder;
    }

    /** Claims {@code notice} once; a notice it takes is renewed until {@link #done} or {@link #release}. */
    Claim claim(Notice notice, String run) {
        Instant now = clock.instant();
        Claim claim = ledger.claim(notice, holder, now, now.plus(length), run);
        if (claim.outcome() == Claim.Outcome.TAKEN) {
            held.add(notice);
        }
        return claim;
    }

    /**
     * Claims {@code notice}, waiting while another invocation holds it: until it is sent (a live twin sent it), its
     * lease runs out (its holder died, and the notice is taken), or twice the lease's length has passed (its holder
     * is alive and still renewing: it will send it).
     */
    Claim claimWhenFree(Notice notice, String run) {
        long deadline = System.nanoTime() + 2 * length.toNanos();
        while (true) {
            Claim claim = claim(notice, run);
            if (claim.outcome() != Claim.Outcome.HELD || System.nanoTime() >= deadline) {
                return claim;
            }
            long untilExpiry =
                    Duration.between(clock.instant(), claim.heldUntil()).toMillis() + 50;
            long poll = Math.clamp(untilExpiry, 10, Math.max(10, length.toMillis() / 6));
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                Thread.sleep(Math.min(poll, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claim;
            }
        }
    }

    /** The notice is sent: its lease need not be renewed. */
    void done(Notice notice) {
        held.remove(notice);
    }

    /** Gives the notice back (its publish failed), so that the next run may send it at once. */
    void release(Notice notice) {
        held.remove(notice);
        ledger.release(notice, holder);
    }

    private void beat() {
        long every = Math.max(10, length.toMillis() / 3);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            for (Notice notice : held) {
                try {
                    if (!ledger.renew(notice, holder, clock.instant().plus(length))) {
                        held.remove(notice);
                    }
                } catch (RuntimeException e) {
                    // The next beat tries again; a lease that runs out meanwhile may be taken by a retry, which
                    // PagerDuty de-duplicates by incident key: better than a lost page.
                    LOG.warn("lease_not_renewed", "job", notice.job(), "day", notice.day(), "error", e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        heartbeat.interrupt();
    }
}
