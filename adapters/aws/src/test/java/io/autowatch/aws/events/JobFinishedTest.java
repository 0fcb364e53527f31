package io.autowatch.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import io.autowatch.json.Json;
import io.autowatch.testing.AwsEmulator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(AwsEmulator.class)
class JobFinishedTest {

    @Test
    void send_putsTheEventTheTemplatesRuleMatches_withTheJobAndDay(SqsClient sqs) {
        EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(AwsEmulator.get().endpoint())
                .region(AwsEmulator.REGION)
                .credentialsProvider(AwsEmulator.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String queue = sqs.createQueue(b -> b.queueName("job-finished-" + UUID.randomUUID()))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String rule = "job-finished-" + UUID.randomUUID();
        // The template's pattern, word for word.
        events.putRule(b ->
                b.name(rule).eventPattern("{\"source\": [\"autowatch.jobs\"], \"detail-type\": [\"Job Finished\"]}"));
        events.putTargets(
                b -> b.rule(rule).targets(Target.builder().id("q").arn(queueArn).build()));

        String id = new JobFinished(events).send(JobId.of("email/daily-active/IN"), LocalDate.of(2026, 11, 20));

        assertThat(id).isNotBlank();
        var received =
                sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages();
        assertThat(received).singleElement().satisfies(m -> {
            Map<String, Object> event = Json.readObject(m.body());
            assertThat(event).containsEntry("source", "autowatch.jobs").containsEntry("detail-type", "Job Finished");
            Map<?, ?> detail = (Map<?, ?>) event.get("detail");
            assertThat(detail.get("job")).isEqualTo("email/daily-active/IN");
            assertThat(detail.get("day")).isEqualTo("2026-11-20");
        });
        assertThat(List.of(id)).hasSize(1);
    }
}
