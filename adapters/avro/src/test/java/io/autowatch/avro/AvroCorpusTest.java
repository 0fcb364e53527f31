package io.autowatch.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.json.Json;
import io.autowatch.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlFile;
import org.apache.avro.idl.IdlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Apache Avro's own IDL test files (../shared/corpus/avro-idl): they read as Avro expects. */
class AvroCorpusTest {

    private static Object json(String text) {
        return Json.readObject("{\"v\": " + text + "}").get("v");
    }

    @ParameterizedTest(name = "{0} reads, and Avro's output matches {1}")
    @CsvSource({
        "baseball.avdl, baseball.avpr",
        "comments.avdl, comments.avpr",
        "cycle.avdl, cycle.avpr",
        "mr_events.avdl, mr_events.avpr",
        "namespaces.avdl, namespaces.avpr",
        "nestedimport.avdl, nestedimport.avpr",
        "reservedwords.avdl, reservedwords.avpr",
        "simple.avdl, simple.avpr",
        "schema_syntax_schema.avdl, schema_syntax.avsc",
        "status_schema.avdl, status.avsc",
    })
    void everyFileReads_andAvrosOutputMatchesTheExpectedFile(String file, String expected) throws IOException {
        Path corpus = SharedCorpus.folder("avro-idl");
        assertThat(AvroIdlParser.read(corpus, file)).isInstanceOf(AvroIdlParser.Read.class);

        IdlFile idl = new IdlReader().parse(corpus.resolve(file));
        String actual = idl.getProtocol() != null
                ? idl.getProtocol().toString(true)
                : idl.getMainSchema() != null
                        ? idl.getMainSchema().toString()
                        : idl.getNamedSchemas().values().stream()
                                .map(Schema::toString)
                                .collect(Collectors.joining(",", "[", "]"));
        assertThat(json(actual))
                .isEqualTo(json(Files.readString(corpus.resolve("expected").resolve(expected))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logicalTypes.avdl", "stringables.avdl", "http.avdl"})
    void filesWithoutAnExpectedOutput_read(String file) {
        assertThat(AvroIdlParser.read(SharedCorpus.folder("avro-idl"), file))
                .isInstanceOfSatisfying(AvroIdlParser.Read.class, read -> assertThat(read.errors())
                        .isEmpty());
    }

    @Test
    void anAnnotatedTypeReference_failsWithAvrosMessageAndLine() {
        var result = AvroIdlParser.read(SharedCorpus.folder("avro-idl"), "AnnotationOnTypeReference.avdl");
        assertThat(result).isInstanceOfSatisfying(AvroIdlParser.Failed.class, failed -> {
            assertThat(failed.error().line()).isEqualTo(29);
            assertThat(failed.error().message())
                    .contains("Type references may not be annotated")
                    .contains("line 29, column 16");
            assertThat(failed.error().toString()).startsWith("AnnotationOnTypeReference.avdl:29: ");
        });
    }

    @Test
    void recordsOfTheCorpus_carryLinesAndTopLevel_andSimplesPropertyIsNotAMonitor() {
        var read = (AvroIdlParser.Read) AvroIdlParser.read(SharedCorpus.folder("avro-idl"), "simple.avdl");
        assertThat(read.records()).extracting(r -> r.name() + "@" + r.line()).contains("TestRecord@41");
        assertThat(read.records()).allSatisfy(r -> assertThat(r.annotation()).isEmpty());
        var baseball = (AvroIdlParser.Read) AvroIdlParser.read(SharedCorpus.folder("avro-idl"), "baseball.avdl");
        assertThat(baseball.records())
                .as("imported types are not this file's records")
                .isEmpty();
        assertThat(AvroIdlParser.imports("import schema \"position.avsc\";\nimport idl \"a/b.avdl\";"))
                .isEqualTo(List.of("position.avsc", "a/b.avdl"));
    }
}
