package io.autowatch.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckOutputTest {

    private static Map<String, Object> summary(int checked, int alerts) {
        return Map.of(
                "checked",
                checked,
                "healthy",
                checked,
                "unhealthy",
                0,
                "zero",
                0,
                "insufficient",
                0,
                "failed",
                0,
                "alerts",
                alerts,
                "recoveries",
                0);
    }

    @Test
    void oneJob_isOneJob_notOneJobs() {
        assertThat(CheckOutput.summary(summary(1, 1), LocalDate.of(2026, 11, 20)))
                .startsWith("Checked 1 job for 2026-11-20: 1 healthy")
                .contains("1 alert and 0 recoveries sent:");
        assertThat(CheckOutput.summary(summary(21, 0), null))
                .startsWith("Checked 21 jobs for their last complete day")
                .endsWith("(a day already alerted on is not alerted on again).");
    }
}
