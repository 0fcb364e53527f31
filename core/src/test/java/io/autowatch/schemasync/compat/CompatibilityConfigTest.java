package io.autowatch.schemasync.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.schemasync.intake.Command;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The repository's level from autowatch.json, and the register command's confirmations. */
class CompatibilityConfigTest {

    private static CompatibilityConfig.Chosen of(String json) {
        return CompatibilityConfig.of(Optional.of(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noFileOrNoKey_isBackward_andEachLevelIsReadInAnyCase() {
        assertThat(CompatibilityConfig.of(Optional.empty()).level()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(of("{}").level()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(of("{\"compatibility\": \"full\"}").level()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(of("{\"compatibility\": \" Forward \"}").level()).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(of("{\"compatibility\": \"NONE\"}").problem()).isEmpty();
    }

    @Test
    void aTransitiveLevel_runsAsItsPlainLevel_andSaysSo() {
        var chosen = of("{\"compatibility\": \"FULL_TRANSITIVE\"}");

        assertThat(chosen.level()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(chosen.problem()).hasValueSatisfying(p -> assertThat(p).contains("merge base only"));
    }

    @Test
    void aBrokenFile_fallsBackToBackward_andSaysWhy() {
        assertThat(of("not json").problem()).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("autowatch.json is not a JSON object; checked at the default, BACKWARD"));
        assertThat(of("{\"compatibility\": 3}").problem())
                .hasValueSatisfying(p -> assertThat(p).contains("must be a string"));
        assertThat(of("{\"compatibility\": \"" + "X".repeat(500) + "\"}").problem())
                .hasValueSatisfying(p -> assertThat(p).hasSizeLessThan(200).contains("not one of"));
        assertThat(of("{\"pad\": \"" + "x".repeat(20_000) + "\"}").problem())
                .hasValueSatisfying(p -> assertThat(p).contains("over 16384 bytes"));
        assertThat(of("[1]").level()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void registerTakesBothConfirmations_inEitherOrder() {
        String both = "esm register --allow-incompatible --allow-deletes=12";

        assertThat(Command.parse(both)).contains(Command.REGISTER);
        assertThat(Command.allowedDeletes(both)).isEqualTo(12);
        assertThat(Command.allowsIncompatible(both)).isTrue();
        assertThat(Command.allowedDeletes("esm register --allow-deletes=3 --allow-incompatible"))
                .isEqualTo(3);
        assertThat(Command.allowsIncompatible("ESM REGISTER --ALLOW-INCOMPATIBLE"))
                .isTrue();
        assertThat(Command.allowsIncompatible("esm register")).isFalse();
        assertThat(Command.allowsIncompatible("esm plan --allow-incompatible")).isFalse();
        assertThat(Command.parse("esm register --allow-incompatible please")).isEmpty();
    }

    @Test
    void theStatusLine_saysWhatWasFound() {
        var problem = new Incompatibility("schemas/a.avdl", 4, "A", "field `b` was added without a default");

        assertThat(new CompatibilityReport(CompatibilityLevel.BACKWARD, 2, List.of(problem), Optional.empty())
                        .summary())
                .isEqualTo("1 incompatible change (backward)");
        assertThat(new CompatibilityReport(CompatibilityLevel.FULL, 2, List.of(), Optional.empty()).summary())
                .isEqualTo("2 changed records compatible (full)");
        assertThat(new CompatibilityReport(CompatibilityLevel.NONE, 0, List.of(), Optional.empty()).summary())
                .isEqualTo("not checked (level none)");
    }
}
