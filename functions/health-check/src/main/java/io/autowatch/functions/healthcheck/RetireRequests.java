package io.autowatch.functions.healthcheck;

import io.autowatch.counts.JobId;
import io.autowatch.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a retire request, {@code {"detail": {"retire": ["job", …], "reason": "…"}}} (README, "Retiring a job"). Like
 * a run's event, anything malformed is refused with a message naming the field, before anything is changed.
 */
final class RetireRequests {

    /** At most this many jobs per request: a retirement is a deliberate act, not a bulk clean-up. */
    static final int MAX_JOBS = 100;

    static final int MAX_REASON = 500;

    record Retire(Set<JobId> jobs, String reason) implements HealthCheckEvent {}

    private RetireRequests() {}

    /** The request, or empty when the event is not a retire request (it has no {@code detail.retire}). */
    static Optional<Retire> parse(byte[] event) {
        return parse(Json.readObject(event));
    }

    /** @param root the event, already read as JSON */
    static Optional<Retire> parse(Map<String, Object> root) {
        if (!(root.get("detail") instanceof Map<?, ?> detail) || !detail.containsKey("retire")) {
            return Optional.empty();
        }
        if (!(detail.get("retire") instanceof List<?> list) || list.isEmpty() || list.size() > MAX_JOBS) {
            throw new IllegalArgumentException(
                    "'detail.retire' must be a list of 1 to " + MAX_JOBS + " job ids, e.g. [\"email/promo/IS\"]");
        }
        Set<JobId> jobs = CheckRequests.jobIds(list, "detail.retire");
        Object reason = detail.containsKey("reason") ? detail.get("reason") : "retired by hand";
        if (!(reason instanceof String text)
                || text.isBlank()
                || text.length() > MAX_REASON
                || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "'detail.reason' must be one line of text of at most " + MAX_REASON + " characters");
        }
        return Optional.of(new Retire(jobs, text.strip()));
    }
}
