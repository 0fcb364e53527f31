package io.autowatch.aws.sns;

import io.autowatch.counts.JobId;
import io.autowatch.digest.Sha256;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.SystemFailureException;
import io.autowatch.healthcheck.alert.AlertLinks;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.ChatMessage;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.alert.PagerDutyEvent;
import io.autowatch.healthcheck.alert.PagingMessage;
import io.autowatch.healthcheck.alert.Retirement;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes to two topics. Paging (critical alerts and their recoveries, for PagerDuty) goes first, since a page
 * matters most and PagerDuty de-duplicates a repeat; then chat (every alert and recovery; AWS Chatbot JSON). Both
 * carry the message attributes {@code job}, {@code status}, {@code severity} for subscription filter policies.
 */
public final class SnsAlertPublisher implements AlertPublisher {

    /** What the paging topic carries, for the PagerDuty integration its subscriber is. */
    public enum PagingFormat {
        /** A CloudWatch alarm notification, for PagerDuty's Amazon CloudWatch integration (HTTPS subscription). */
        CLOUDWATCH("cloudwatch"),
        /** An Events API v2 body, for the template's queue and relay function to PagerDuty. */
        EVENTS_V2("pagerduty-events-v2");

        private final String wireName;

        PagingFormat(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static PagingFormat parse(String value) {
            for (PagingFormat f : values()) {
                if (f.wireName.equals(value)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(
                    "the paging format must be 'cloudwatch' or 'pagerduty-events-v2', not '" + value + "'");
        }
    }

    private final SnsClient sns;
    private final String chatTopicArn;
    private final Optional<String> pagingTopicArn;
    private final String region;
    private final PagingFormat pagingFormat;
    private final AlertLinks links;

    public SnsAlertPublisher(
            SnsClient sns,
            String chatTopicArn,
            Optional<String> pagingTopicArn,
            String region,
            PagingFormat pagingFormat,
            AlertLinks links) {
        this.sns = sns;
        this.chatTopicArn = chatTopicArn;
        this.pagingTopicArn = pagingTopicArn;
        this.region = region;
        this.pagingFormat = pagingFormat;
        this.links = links;
    }

    public SnsAlertPublisher(SnsClient sns, String chatTopicArn, Optional<String> pagingTopicArn, String region) {
        this(sns, chatTopicArn, pagingTopicArn, region, PagingFormat.CLOUDWATCH, AlertLinks.none());
    }

    @Override
    public void publish(Notification notification) {
        deliver(
                notification.job(),
                notification.day() + "/" + notification.getClass().getSimpleName(),
                notification.severity(),
                notification.status().name(),
                () -> PagingMessage.subject(notification, region),
                topic -> PagingMessage.render(notification, region, topic),
                () -> PagerDutyEvent.render(notification, "autowatch health check in " + region, links),
                () -> ChatMessage.render(notification, links));
    }

    /** Paging first when the incident paged, then the incident's chat thread. */
    @Override
    public void publishRetirement(Retirement retirement) {
        deliver(
                retirement.job(),
                retirement.day() + "/Retirement",
                retirement.incident().resolvingSeverity(),
                "RETIRED",
                () -> PagingMessage.subject(retirement, region),
                topic -> PagingMessage.render(retirement, region, topic),
                () -> PagerDutyEvent.render(retirement),
                () -> ChatMessage.render(retirement));
    }

    /**
     * Paging (critical only, in the configured format) and then chat, with the attributes filter policies read. Each
     * body is rendered only for the topic that carries it.
     *
     * @param notice what is said of the job that day, for the FIFO topic's deduplication id
     */
    private void deliver(
            JobId job,
            String notice,
            Severity severity,
            String status,
            Supplier<String> cloudWatchSubject,
            UnaryOperator<String> cloudWatchBody,
            Supplier<String> eventsBody,
            Supplier<String> chatBody) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "job", text(job.value()),
                "status", text(status),
                "severity", text(severity.wireName()));
        if (severity == Severity.CRITICAL && pagingTopicArn.isPresent()) {
            String topic = pagingTopicArn.get();
            switch (pagingFormat) {
                case CLOUDWATCH ->
                    send(
                            topic,
                            () -> sns.publish(b -> b.topicArn(topic)
                                    .subject(cloudWatchSubject.get())
                                    .message(cloudWatchBody.apply(topic))
                                    .messageAttributes(attributes)));
                case EVENTS_V2 ->
                    send(
                            topic,
                            () -> sns.publish(ordered(
                                    b -> b.topicArn(topic)
                                            .message(eventsBody.get())
                                            .messageAttributes(attributes),
                                    topic,
                                    job,
                                    notice)));
            }
        }
        send(
                chatTopicArn,
                () -> sns.publish(
                        b -> b.topicArn(chatTopicArn).message(chatBody.get()).messageAttributes(attributes)));
    }

    /** To the chat topic only, with attributes a filter policy can tell apart from a job's alert. */
    @Override
    public void publishFailures(FailedJobs failed) {
        send(
                chatTopicArn,
                () -> sns.publish(b -> b.topicArn(chatTopicArn)
                        .message(ChatMessage.render(failed))
                        .messageAttributes(Map.of(
                                "job", text("(run)"),
                                "status", text("FAILED"),
                                "severity", text("warning")))));
    }

    /**
     * On a FIFO topic (its ARN ends in {@code .fifo}): one message group per job, so a job's events keep their order,
     * and a deduplication id per notice, so a notice published twice within five minutes is delivered once.
     */
    static Consumer<PublishRequest.Builder> ordered(
            Consumer<PublishRequest.Builder> request, String topic, JobId job, String notice) {
        if (!topic.endsWith(".fifo")) {
            return request;
        }
        return b -> {
            request.accept(b);
            b.messageGroupId(digest(job.value())).messageDeduplicationId(digest(job.value() + "\n" + notice));
        };
    }

    /** 64 hex characters: within SNS's 128-character limit for group and deduplication ids, whatever the job id. */
    private static String digest(String text) {
        return Sha256.hex(text);
    }

    private static void send(String topic, Runnable publish) {
        try {
            publish.run();
        } catch (NotFoundException e) {
            throw new SystemFailureException("SNS topic " + topic + " does not exist", e);
        } catch (AuthorizationErrorException e) {
            throw new SystemFailureException("not allowed to publish to SNS topic " + topic, e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
