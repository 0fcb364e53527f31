package io.autowatch.functions.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.aws.dynamodb.DynamoDbJobRegistry;
import io.autowatch.aws.dynamodb.Tables;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.healthcheck.Shard;
import io.autowatch.json.Json;
import io.autowatch.testing.DynamoDbLocal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The counts stream's consumer: each job's first count of a day records it in the registry. */
@ExtendWith(DynamoDbLocal.class)
class JobRegistryHandlerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static byte[] sample() throws IOException {
        Path root = Path.of(System.getProperty("autowatch.repo.root", "../.."));
        return Files.readAllBytes(root.resolve("events").resolve("job-registry-stream.json"));
    }

    private static Map<String, Object> invoke(JobRegistryHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.readObject(out.toByteArray());
    }

    @Test
    void theSampleStream_recordsEachJobWithTheLastDayItWrote(DynamoDbClient dynamoDb) throws IOException {
        String health = DynamoDbLocal.uniqueName("health");
        dynamoDb.createTable(Tables.healthTable(health));
        var registry = new DynamoDbJobRegistry(dynamoDb, health, Executors.newFixedThreadPool(2));

        Map<String, Object> reply = invoke(new JobRegistryHandler(registry), sample());

        assertThat(reply).containsEntry("batchItemFailures", List.of());
        assertThat(registry.jobs(Shard.ALL, DAY))
                .containsExactlyInAnyOrder(JobId.of("email/daily-active/IN"), JobId.of("sms/otp/IN"));
        assertThat(registry.jobs(Shard.ALL, DAY.plusDays(1)))
                .as("its count of the 21st came later in the batch")
                .containsExactly(JobId.of("email/daily-active/IN"));
    }

    @Test
    void aRegistryThatCannotBeWritten_sendsTheWholeBatchBack() throws IOException {
        JobRegistry failing = new RecordingRegistry(true);

        Map<String, Object> reply = invoke(new JobRegistryHandler(failing), sample());

        assertThat(reply)
                .containsEntry("batchItemFailures", List.of(Map.of("itemIdentifier", "111100000000000000000001")));
    }

    @Test
    void recordsOtherThanAFirstCount_areIgnored() throws IOException {
        String modify = new String(sample(), StandardCharsets.UTF_8).replace("INSERT", "MODIFY");
        RecordingRegistry recording = new RecordingRegistry(false);

        invoke(new JobRegistryHandler(recording), modify.getBytes(StandardCharsets.UTF_8));

        assertThat(recording.recorded).containsExactly(Map.of());
    }

    /** A registry that keeps what it is asked to record, or fails as a throttled table does. */
    private static final class RecordingRegistry implements JobRegistry {
        final List<Map<JobId, LocalDate>> recorded = new ArrayList<>();
        private final boolean throttled;

        RecordingRegistry(boolean throttled) {
            this.throttled = throttled;
        }

        @Override
        public Set<JobId> jobs(Shard shard, LocalDate since) {
            return Set.of();
        }

        @Override
        public long count(LocalDate since) {
            return 0;
        }

        @Override
        public void record(Map<JobId, LocalDate> days) {
            if (throttled) {
                throw new IllegalStateException("throttled");
            }
            recorded.add(days);
        }

        @Override
        public boolean filled() {
            return true;
        }

        @Override
        public void markFilled(LocalDate on) {}
    }
}
