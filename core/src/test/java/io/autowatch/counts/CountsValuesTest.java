package io.autowatch.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountsValuesTest {

    @ParameterizedTest(name = "{0} is valid: {1}")
    @CsvSource({
        "0, 0",
        "42, 42",
        "1E3, 1000",
        "7.0, 7",
        "1000000000000000, 1000000000000000",
    })
    void parseNumber_acceptsWholeNumbersUpToTheMaximum(String text, long expected) {
        assertThat(CountValue.parseNumber(text)).isEqualTo(new CountValue.Valid(expected));
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource({
        "-1, negative",
        "2.5, whole",
        "1000000000000001, absurd",
        "1E20, absurd",
        "abc, not a number",
    })
    void parseNumber_rejectsWithAReason(String text, String reason) {
        assertThat(CountValue.parseNumber(text))
                .isInstanceOfSatisfying(
                        CountValue.Invalid.class,
                        invalid -> assertThat(invalid.reason()).contains(reason).contains(text));
    }

    @Test
    void jobId_acceptsAnyPrintableText() {
        assertThat(JobId.of("email/daily-active/IN").value()).isEqualTo("email/daily-active/IN");
        assertThat(JobId.of("e-mail «São Paulo» #1 (weekly) ✉").value()).contains("São");
        assertThat(JobId.of("x".repeat(200)).value()).hasSize(200);
    }

    @Test
    void jobId_rejectsEmptyTooLongAndControlCharacters() {
        assertThatThrownBy(() -> JobId.of("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> JobId.of("x".repeat(201))).hasMessageContaining("201 characters");
        assertThatThrownBy(() -> JobId.of("a\nb")).hasMessageContaining("U+000A");
        assertThatThrownBy(() -> JobId.of("tab\there")).hasMessageContaining("U+0009");
        assertThat(JobId.isValid("ok")).isTrue();
        assertThat(JobId.isValid("no\u0000")).isFalse();
    }
}
