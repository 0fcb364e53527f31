package io.autowatch.pagerduty;

import io.autowatch.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Relays a FIFO batch of paging events to PagerDuty's Events API v2 (README, "Subscribing Slack and PagerDuty"). An
 * event PagerDuty did not take is handed back, and so is the rest of the batch: the queue is FIFO, so a job's resolve
 * never overtakes its trigger, and after a 429 the rest would be throttled too. After the queue's retries an event
 * lands in the dead-letter queue, which alarms. The routing key is read again after {@link #KEY_AGE}, or after
 * PagerDuty refused an event, so that a fixed or rotated key takes.
 */
public final class PagerDutyRelay {

    private static final Log LOG = Log.of(PagerDutyRelay.class);

    /** Left of the function's time when no further event is started: one request's worst case, and some. */
    public static final Duration RESERVE = Duration.ofSeconds(17);

    /** The key is read again after this long, or after PagerDuty refused an event. */
    public static final Duration KEY_AGE = Duration.ofMinutes(5);

    /** One queued event: the queue's message id and the event as the health check wrote it, without a key. */
    public record Page(String id, String body) {}

    private final Supplier<PagerDutyEvents> connect;
    private final Clock clock;
    private PagerDutyEvents pagerDuty;
    private Instant connectedAt;
    /** PagerDuty refused an event: the key may be wrong, so the next batch reads it again first. */
    private boolean keySuspect;

    /**
     * Connects at once (in the Lambda runtime, when the execution environment starts).
     *
     * @param connect reads the routing key and builds the client; called again when the key may have changed
     */
    public PagerDutyRelay(Supplier<PagerDutyEvents> connect, Clock clock) {
        this.connect = connect;
        this.clock = clock;
        this.pagerDuty = connect.get();
        this.connectedAt = clock.instant();
    }

    /**
     * Sends the batch in order.
     *
     * @param remainingMillis how long the caller has left; no event is started with less than {@link #RESERVE}
     * @return the ids of the pages that go back to the queue
     */
    public List<String> relay(List<Page> pages, LongSupplier remainingMillis) {
        if (keySuspect || clock.instant().isAfter(connectedAt.plus(KEY_AGE))) {
            reconnect();
        }
        List<String> failed = new ArrayList<>();
        boolean stopped = false;
        for (Page page : pages) {
            if (!stopped && remainingMillis.getAsLong() < RESERVE.toMillis()) {
                // Not enough time for another request: the rest go back whole, rather than the function timing out.
                stopped = true;
            }
            if (stopped) {
                failed.add(page.id());
                continue;
            }
            PagerDutyEvents.Result result = pagerDuty.send(page.body());
            switch (result.outcome()) {
                case ACCEPTED -> LOG.info("page_delivered", "messageId", page.id(), "status", result.status());
                case RETRY -> {
                    LOG.warn(
                            "page_deferred",
                            "messageId",
                            page.id(),
                            "status",
                            result.status(),
                            "detail",
                            result.detail());
                    failed.add(page.id());
                    stopped = true;
                }
                case REJECTED -> {
                    // Trying again may help only with a fixed key; dropping it would lose a page: it stays queued,
                    // and after the retries the dead-letter queue's alarm tells a person.
                    LOG.error(
                            "page_rejected",
                            "messageId",
                            page.id(),
                            "status",
                            result.status(),
                            "detail",
                            result.detail());
                    failed.add(page.id());
                    stopped = true;
                    keySuspect = true;
                }
            }
        }
        return failed;
    }

    private void reconnect() {
        try {
            pagerDuty = connect.get();
            connectedAt = clock.instant();
            keySuspect = false;
        } catch (RuntimeException e) {
            LOG.error("routing_key_unread", "error", e.getMessage());
        }
    }
}
