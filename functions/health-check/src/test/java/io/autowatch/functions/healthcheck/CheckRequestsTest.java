package io.autowatch.functions.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.Shard;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private static CheckRequest parse(String json) {
        return CheckRequests.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void scheduledEvent_checksTheDayBeforeItsTime() {
        CheckRequest request = parse(
                "{\"detail-type\": \"Scheduled Event\", \"time\": \"2026-11-21T00:30:00Z\", " + "\"detail\": {}}");
        assertThat(request.day()).isEmpty();
        assertThat(request.dayFor(ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(request.jobs()).isEmpty();
    }

    @Test
    void backfill_checksTheGivenDayAndJobs() {
        CheckRequest request = parse("{\"detail\": {\"day\": \"2026-10-01\", \"jobs\": [\"a/b\", \"c d\"]}}");
        assertThat(request.day()).contains(LocalDate.of(2026, 10, 1));
        assertThat(request.jobs()).containsExactlyInAnyOrder(JobId.of("a/b"), JobId.of("c d"));
    }

    @Test
    void aShardsWorker_checksItsPartOfTheJobs() {
        CheckRequest request =
                parse("{\"time\": \"2026-11-21T00:30:00Z\", \"detail\": {\"shard\": {\"index\": 2, \"count\": 5}}}");
        assertThat(request.shard()).isEqualTo(new Shard(2, 5));
        assertThat(request.dayFor(ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(parse("{\"detail\": {\"day\": \"2026-10-01\"}}").shard()).isEqualTo(Shard.ALL);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"detail\": {\"day\": \"2026-02-30\"}}| 'detail.day' is not a calendar date: '2026-02-30'",
                "{\"detail\": {\"day\": \"2026-11-2\"}}| 'detail.day' must be a date written YYYY-MM-DD, got '2026-11-2'",
                "{\"detail\": {\"day\": 20261120}}| 'detail.day' must be a date written YYYY-MM-DD, got Integer",
                "{\"detail\": {\"day\": \"2026-11-22\"}}| 'detail.day' 2026-11-22 is in the future",
                "{\"detail\": {\"day\": \"2026-11-21\"}}| 'detail.day' 2026-11-21 is today (UTC), which has not ended",
                "{\"detail\": {\"day\": \"2026-11-20\", \"jobs\": []}}| 'detail.jobs' must be a non-empty list",
                "{\"detail\": {\"day\": \"2026-11-20\", \"jobs\": [7]}}| 'detail.jobs' must hold strings, got Integer",
                "{\"detail\": {\"day\": \"2026-11-20\", \"jobs\": [\"\"]}}| 'detail.jobs': job id must not be empty",
                "{\"detail\": []}| 'detail' must be an object",
                "{\"detail\": {\"day\": \"2026-11-20\", \"shard\": {\"index\": 3, \"count\": 3}}}| 'detail.shard': shard index 3 is outside 0 to 2",
                "{\"detail\": {\"day\": \"2026-11-20\", \"shard\": {\"index\": 0.5, \"count\": 3}}}| 'detail.shard' must be {\"index\": i, \"count\": n} with whole numbers",
                "{\"detail\": {\"day\": \"2026-11-20\", \"shard\": 2}}| 'detail.shard' must be",
                "{\"time\": \"yesterday\"}| 'time' must be an ISO-8601 instant",
                "{}| the event has neither 'time'",
                "[1, 2]| expected a JSON object",
                "not json| not valid JSON",
            })
    void malformedEvents_areRefusedWithAMessageNamingTheField(String json, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message.strip());
    }

    @Test
    void config_namesEveryMissingVariable() {
        assertThatThrownBy(() -> HealthCheckConfig.from(Map.of("COUNTS_TABLE", "c")))
                .hasMessageContaining("HEALTH_TABLE, CHAT_TOPIC_ARN, AWS_REGION");
        var config = HealthCheckConfig.from(Map.of(
                "COUNTS_TABLE",
                "c",
                "HEALTH_TABLE",
                "h",
                "CHAT_TOPIC_ARN",
                "arn:aws:sns:eu-west-1:123456789012:chat",
                "AWS_REGION",
                "eu-west-1"));
        assertThat(config.pagingTopicArn()).isEmpty();
        assertThat(config.parallelism()).isEqualTo(16);
        assertThatThrownBy(() -> HealthCheckConfig.from(Map.of(
                        "COUNTS_TABLE",
                        "c",
                        "HEALTH_TABLE",
                        "h",
                        "CHAT_TOPIC_ARN",
                        "x",
                        "AWS_REGION",
                        "r",
                        "HEALTH_CHECK_PARALLELISM",
                        "0")))
                .hasMessageContaining("from 1 to 256");
    }
}
