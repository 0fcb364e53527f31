package io.autowatch.schemasync.intake;

import java.time.Instant;

/** Counts commands per key and window (port; the webhook's DynamoDB table implements it, with an atomic add). */
public interface CommandCounter {

    /**
     * Adds one to {@code key}'s count and returns the count after it; the count may be forgotten after
     * {@code forgetAfter}.
     */
    long increment(String key, Instant forgetAfter);
}
