package io.autowatch.functions.healthcheck;

import io.autowatch.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS queue subscribed to an SNS topic, optionally through a filter policy: it receives what a subscriber
 * (AWS Chatbot, PagerDuty) with that policy would receive, in SNS's envelope.
 */
final class AlertInbox {

    /** One delivered notification: the SNS envelope's message body and its message attributes. */
    record Delivery(String body, Map<String, String> attributes, String subject) {
        Map<String, Object> json() {
            return Json.readObject(body);
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;

    private AlertInbox(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    static AlertInbox subscribe(SnsClient sns, SqsClient sqs, String topicArn, String filterPolicy) {
        String queueUrl =
                sqs.createQueue(b -> b.queueName("inbox-" + UUID.randomUUID())).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> {
            b.topicArn(topicArn).protocol("sqs").endpoint(queueArn);
            if (filterPolicy != null) {
                b.attributes(Map.of("FilterPolicy", filterPolicy));
            }
        });
        return new AlertInbox(sqs, queueUrl);
    }

    /** Everything delivered so far (and removes it from the queue). */
    List<Delivery> drain() {
        List<Delivery> deliveries = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return deliveries;
            }
            for (Message message : messages) {
                Map<String, Object> envelope = Json.readObject(message.body());
                Map<String, String> attributes = new TreeMap<>();
                Object raw = envelope.getOrDefault("MessageAttributes", Map.of());
                ((Map<?, ?>) raw)
                        .forEach((name, value) ->
                                attributes.put((String) name, (String) ((Map<?, ?>) value).get("Value")));
                deliveries.add(
                        new Delivery((String) envelope.get("Message"), attributes, (String) envelope.get("Subject")));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }
}
