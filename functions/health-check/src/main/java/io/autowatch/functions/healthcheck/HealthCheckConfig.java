package io.autowatch.functions.healthcheck;

import io.autowatch.aws.sns.SnsAlertPublisher.PagingFormat;
import io.autowatch.healthcheck.alert.AlertLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration, read once from the environment.
 *
 * @param countsTable    {@code COUNTS_TABLE}: the counts table (README, "The counts interface")
 * @param healthTable    {@code HEALTH_TABLE}: settings, results, notification ledger
 * @param chatTopicArn   {@code CHAT_TOPIC_ARN}: every alert and recovery, for AWS Chatbot
 * @param pagingTopicArn {@code PAGING_TOPIC_ARN}: critical alerts and their recoveries, for PagerDuty (optional)
 * @param region         {@code AWS_REGION}
 * @param parallelism    {@code HEALTH_CHECK_PARALLELISM}: concurrent DynamoDB and SNS requests (default 16)
 * @param pagingFormat   {@code PAGING_FORMAT}: {@code cloudwatch} (default) or {@code pagerduty-events-v2}
 * @param links          {@code DASHBOARD_URL}: the on-call dashboard every notice links to (optional)
 */
record HealthCheckConfig(
        String countsTable,
        String healthTable,
        String chatTopicArn,
        Optional<String> pagingTopicArn,
        String region,
        int parallelism,
        PagingFormat pagingFormat,
        AlertLinks links) {

    HealthCheckConfig(
            String countsTable,
            String healthTable,
            String chatTopicArn,
            Optional<String> pagingTopicArn,
            String region,
            int parallelism) {
        this(
                countsTable,
                healthTable,
                chatTopicArn,
                pagingTopicArn,
                region,
                parallelism,
                PagingFormat.CLOUDWATCH,
                AlertLinks.none());
    }

    static HealthCheckConfig from(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("COUNTS_TABLE", "HEALTH_TABLE", "CHAT_TOPIC_ARN", "AWS_REGION")) {
            if (env.getOrDefault(name, "").isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "the health-check function needs these environment variables: " + String.join(", ", missing));
        }
        int parallelism;
        try {
            parallelism = Integer.parseInt(env.getOrDefault("HEALTH_CHECK_PARALLELISM", "16"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("HEALTH_CHECK_PARALLELISM must be a whole number", e);
        }
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalStateException("HEALTH_CHECK_PARALLELISM must be from 1 to 256, not " + parallelism);
        }
        PagingFormat pagingFormat;
        AlertLinks links;
        try {
            pagingFormat = PagingFormat.parse(env.getOrDefault("PAGING_FORMAT", "cloudwatch"));
            links = AlertLinks.of(env.get("DASHBOARD_URL"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new HealthCheckConfig(
                env.get("COUNTS_TABLE"),
                env.get("HEALTH_TABLE"),
                env.get("CHAT_TOPIC_ARN"),
                Optional.ofNullable(env.get("PAGING_TOPIC_ARN")).filter(s -> !s.isBlank()),
                env.get("AWS_REGION"),
                parallelism,
                pagingFormat,
                links);
    }
}
