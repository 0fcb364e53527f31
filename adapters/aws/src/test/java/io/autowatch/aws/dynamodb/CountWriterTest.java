package io.autowatch.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CountWriterTest {

    @Test
    void countWriter_requestIsTheDocumentedAtomicAdd() {
        var request = CountWriter.request("counts", JobId.of("email/daily-active/IN"), LocalDate.of(2026, 11, 20), 3);
        assertThat(request.updateExpression()).isEqualTo("ADD #c :n");
        assertThat(request.expressionAttributeNames()).containsEntry("#c", "count");
        assertThat(request.key().get("job").s()).isEqualTo("email/daily-active/IN");
        assertThat(request.key().get("day").s()).isEqualTo("2026-11-20");
        assertThat(request.expressionAttributeValues().get(":n").n()).isEqualTo("3");
    }
}
