package io.autowatch.aws.dynamodb;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, for retries the SDK does not make itself (unprocessed batch items). */
final class Backoff {

    private static final long BASE_MILLIS = 50;
    private static final long CAP_MILLIS = 5_000;

    private Backoff() {}

    static void sleep(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during backoff", e);
        }
    }
}
