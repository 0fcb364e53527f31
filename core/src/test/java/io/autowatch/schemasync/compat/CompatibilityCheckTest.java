package io.autowatch.schemasync.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.SchemaRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The check's own rules, with a stand-in comparison: which records are compared, and what a failure costs. */
class CompatibilityCheckTest {

    private static SchemaRecord record(String name, Object shape) {
        return new SchemaRecord(
                "schemas/a.avdl",
                3,
                name,
                "com.a." + name,
                Optional.empty(),
                true,
                Optional.of(new SchemaRecord.Shape(shape, Map.of("b", 5))));
    }

    private static final CompatibilityConfig.Chosen BACKWARD =
            new CompatibilityConfig.Chosen(CompatibilityLevel.BACKWARD, Optional.empty());

    @Test
    void aRecordThatCannotBeCompared_isAProblem_andTheOthersAreStillChecked() {
        SchemaComparison comparison = (before, after) -> {
            if (after.schema().equals("boom")) {
                throw new StackOverflowError();
            }
            return new SchemaChange(
                    true,
                    List.of(new SchemaChange.Finding(
                            SchemaChange.Direction.NEW_READS_OLD, SchemaChange.Kind.FIELD_WITHOUT_DEFAULT, "b", "b")));
        };

        var report = CompatibilityCheck.check(
                        BACKWARD,
                        List.of(record("A", "boom"), record("B", "new")),
                        List.of(record("A", "old"), record("B", "old")),
                        comparison)
                .orElseThrow();

        assertThat(report.changedRecords()).isEqualTo(2);
        assertThat(report.problems())
                .extracting(p -> p.record() + ":" + p.line() + " " + p.words())
                .containsExactly(
                        "A:3 the record could not be compared with its version at the base (StackOverflowError)",
                        "B:5 field `b` was added without a default: readers of the new schema cannot read old events");
    }

    @Test
    void recordsWithoutAShape_getNoCheck_ratherThanAPass_andANewRecordHasNothingToBeCompatibleWith() {
        SchemaRecord shapeless = new SchemaRecord("schemas/a.avdl", 3, "A", "com.a.A", Optional.empty(), true);
        SchemaComparison never = (before, after) -> {
            throw new AssertionError("nothing to compare");
        };

        assertThat(CompatibilityCheck.check(BACKWARD, List.of(shapeless), List.of(shapeless), never))
                .isEmpty();
        assertThat(CompatibilityCheck.check(BACKWARD, List.of(record("New", "x")), List.of(), never))
                .hasValueSatisfying(r -> assertThat(r.changedRecords()).isZero());
    }
}
