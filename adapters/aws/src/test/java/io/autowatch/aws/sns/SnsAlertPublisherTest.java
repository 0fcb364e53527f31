package io.autowatch.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.aws.sns.SnsAlertPublisher.PagingFormat;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.alert.AlertLinks;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.alert.OpenIncident;
import io.autowatch.json.Json;
import io.autowatch.testing.AwsEmulator;
import io.autowatch.testing.Judged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(AwsEmulator.class)
class SnsAlertPublisherTest {

    private static final JobId JOB = JobId.of("email/daily-active/IN");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-21T00:30:05Z");
    private static final JobSettings CLASSIC = Judged.CLASSIC;

    private static Assessment classic(LocalDate day, long count) {
        return Judged.classic(day, count);
    }

    @Test
    void eventsV2_throughTheTopicAndARawQueue_areTheEventsAsWritten_withoutTheRoutingKey(SnsClient sns, SqsClient sqs) {
        String paging = sns.createTopic(
                        b -> b.name("paging-" + UUID.randomUUID() + ".fifo").attributes(Map.of("FifoTopic", "true")))
                .topicArn();
        String chat = sns.createTopic(b -> b.name("chat-" + UUID.randomUUID())).topicArn();
        String queue = sqs.createQueue(b -> b.queueName("pagerduty-" + UUID.randomUUID() + ".fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        // As the template subscribes it: raw, so that the queue holds the body the Lambda wrote.
        sns.subscribe(b ->
                b.topicArn(paging).protocol("sqs").endpoint(queueArn).attributes(Map.of("RawMessageDelivery", "true")));
        var publisher = new SnsAlertPublisher(
                sns,
                chat,
                Optional.of(paging),
                "us-east-1",
                PagingFormat.EVENTS_V2,
                AlertLinks.of("https://dash.example/"));

        publisher.publish(new Notification.Alert(JOB, classic(DAY, 0), CLASSIC, NOW));
        publisher.publish(new Notification.Alert(JOB, classic(DAY.plusDays(1), 0), CLASSIC, NOW, DAY));
        publisher.publish(new Notification.Recovery(
                JOB,
                classic(DAY.plusDays(2), 9_100),
                new OpenIncident(JOB, DAY, DAY.plusDays(1), Severity.CRITICAL, HealthStatus.ZERO),
                NOW));

        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 10 && messages.size() < 3; i++) {
            messages.addAll(sqs.receiveMessage(
                            b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
        }
        assertThat(messages).hasSize(3).allSatisfy(m -> assertThat(m.body()).doesNotContain("routing_key"));
        assertThat(messages)
                .extracting(m -> Json.readObject(m.body()).get("event_action"))
                .containsExactlyInAnyOrder("trigger", "trigger", "resolve");
        assertThat(messages)
                .extracting(m -> Json.readObject(m.body()).get("dedup_key"))
                .containsOnly("autowatch/" + JOB.value());
    }

    @Test
    void pagingFormat_readsTheTemplatesValues_andNamesTheChoicesWhenWrong() {
        assertThat(PagingFormat.parse("cloudwatch")).isEqualTo(PagingFormat.CLOUDWATCH);
        assertThat(PagingFormat.parse("pagerduty-events-v2")).isEqualTo(PagingFormat.EVENTS_V2);
        assertThatThrownBy(() -> PagingFormat.parse("events"))
                .hasMessageContaining("'cloudwatch' or 'pagerduty-events-v2'");
    }
}
