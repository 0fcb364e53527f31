package io.autowatch.github;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * GitHub's rate-limit answers: 403 or 429 with {@code x-ratelimit-remaining: 0} (wait until
 * {@code x-ratelimit-reset}, in epoch seconds) or with {@code retry-after} (a secondary limit, in seconds). A 403
 * without either is a refusal, not a limit.
 */
final class RateLimit {

    private RateLimit() {}

    /** How long to wait before asking again, or empty when the answer is not a rate limit. */
    static Optional<Duration> waitFor(HttpResponse<?> response, Instant now) {
        int status = response.statusCode();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<Long> retryAfter = response.headers().firstValue("retry-after").flatMap(RateLimit::number);
        if (retryAfter.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(1, retryAfter.get())));
        }
        boolean exhausted = response.headers()
                .firstValue("x-ratelimit-remaining")
                .filter("0"::equals)
                .isPresent();
        if (!exhausted) {
            return Optional.empty();
        }
        long reset = response.headers()
                .firstValue("x-ratelimit-reset")
                .flatMap(RateLimit::number)
                .orElse(now.getEpochSecond() + 60);
        // One second more: the reset is whole seconds, and asking a moment early is answered with 403 again.
        return Optional.of(Duration.ofSeconds(Math.max(1, reset - now.getEpochSecond() + 1)));
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
