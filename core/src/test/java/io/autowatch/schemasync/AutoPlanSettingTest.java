package io.autowatch.schemasync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoPlanSettingTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"autoplan\": false}|false",
                "{\"autoplan\": false, \"compatibility\": \"FULL\"}|false",
                "{\"autoplan\": true}|true",
                "{\"compatibility\": \"FULL\"}|true",
                "not json|true",
                "[1, 2]|true",
            })
    void autoplanIsOn_unlessTheSettingsFileSaysFalse(String file, boolean wanted) {
        assertThat(AutoPlan.wanted(Optional.of(file.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(wanted);
    }

    @Test
    void autoplanIsOn_withoutASettingsFile_orWithOneTooLargeToRead() {
        assertThat(AutoPlan.wanted(Optional.empty())).isTrue();
        String huge = "{\"autoplan\": false, \"pad\": \"" + "x".repeat(20_000) + "\"}";
        assertThat(AutoPlan.wanted(Optional.of(huge.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
    }
}
