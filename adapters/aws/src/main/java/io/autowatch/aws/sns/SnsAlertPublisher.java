package io.autowatch.aws.sns;

import io.autowatch.health.AlertPublisher;
import io.autowatch.health.Severity;
import io.autowatch.health.SystemFailureException;
import io.autowatch.health.alert.ChatMessage;
import io.autowatch.health.alert.Notification;
import io.autowatch.health.alert.PagingMessage;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * Publishes to two topics. Paging (critical alerts and their recoveries; CloudWatch-alarm JSON for PagerDuty) goes
 * first, since a page matters most and PagerDuty de-duplicates a repeat; then chat (every alert and recovery;
 * AWS Chatbot JSON). Both carry the message attributes {@code job}, {@code status}, {@code severity} for
 * subscription filter policies.
 */
public final class SnsAlertPublisher implements AlertPublisher {

    private final SnsClient sns;
    private final String chatTopicArn;
    private final Optional<String> pagingTopicArn;
    private final String region;

    public SnsAlertPublisher(SnsClient sns, String chatTopicArn, Optional<String> pagingTopicArn, String region) {
        this.sns = sns;
        this.chatTopicArn = chatTopicArn;
        this.pagingTopicArn = pagingTopicArn;
        this.region = region;
    }

    @Override
    public void publish(Notification notification) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "job", text(notification.job().value()),
                "status", text(notification.status().name()),
                "severity", text(notification.severity().wireName()));
        if (notification.severity() == Severity.CRITICAL && pagingTopicArn.isPresent()) {
            String topic = pagingTopicArn.get();
            send(
                    topic,
                    () -> sns.publish(b -> b.topicArn(topic)
                            .subject(PagingMessage.subject(notification))
                            .message(PagingMessage.render(notification, region, account(topic)))
                            .messageAttributes(attributes)));
        }
        send(
                chatTopicArn,
                () -> sns.publish(b -> b.topicArn(chatTopicArn)
                        .message(ChatMessage.render(notification))
                        .messageAttributes(attributes)));
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

    /** The account id in a topic ARN ({@code arn:aws:sns:region:account:name}). */
    static String account(String topicArn) {
        String[] parts = topicArn.split(":");
        return parts.length >= 6 ? parts[4] : "unknown";
    }
}
