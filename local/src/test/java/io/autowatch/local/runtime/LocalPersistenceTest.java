package io.autowatch.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.aws.dynamodb.CountWriter;
import io.autowatch.counts.JobId;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalPersistenceTest {

    @TempDir
    Path folder;

    private LocalRuntime start(Optional<Path> data) throws Exception {
        return new LocalRuntime(
                        new LocalRuntime.Options(
                                0,
                                data,
                                folder.resolve("state"),
                                LocalTime.of(0, 30),
                                "s",
                                Optional.empty(),
                                "http://127.0.0.1:9",
                                Optional.empty(),
                                "datadoghq.com",
                                Optional.empty()),
                        new PrintStream(OutputStream.nullOutputStream()),
                        Clock.systemUTC())
                .start();
    }

    private static Map<String, AttributeValue> item(LocalRuntime runtime) {
        return runtime.dynamo()
                .client()
                .getItem(b -> b.tableName(LocalDynamo.COUNTS_TABLE)
                        .key(Map.of(
                                "job", AttributeValue.fromS("email/kept"), "day", AttributeValue.fromS("2026-11-20"))))
                .item();
    }

    @Test
    void withAData_folder_countsSurviveARestart_andInMemoryTheyDoNot() throws Exception {
        Path data = folder.resolve("data");
        try (LocalRuntime first = start(Optional.of(data))) {
            new CountWriter(first.dynamo().client(), LocalDynamo.COUNTS_TABLE)
                    .add(JobId.of("email/kept"), LocalDate.of(2026, 11, 20), 42);
            assertThat(Files.exists(folder.resolve("state/runtime.json"))).isTrue();
        }
        assertThat(Files.exists(folder.resolve("state/runtime.json")))
                .as("removed on stop")
                .isFalse();
        try (LocalRuntime second = start(Optional.of(data))) {
            assertThat(item(second)).containsEntry("count", AttributeValue.fromN("42"));
        }
        try (LocalRuntime memory = start(Optional.empty())) {
            assertThat(item(memory)).isEmpty();
        }
    }
}
