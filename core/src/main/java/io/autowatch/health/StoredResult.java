package io.autowatch.health;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A check result as stored, read back for people (the dashboard, the chart, the CLI). Its bands are the ones the
 * check computed from that day's own history; empty where there were none (too little history, or a failure).
 *
 * @param status a {@link HealthStatus} name, or {@code FAILED}
 */
public record StoredResult(
        String job,
        LocalDate day,
        String status,
        long count,
        Optional<Double> mean,
        Optional<Double> sigmaLow,
        Optional<Double> sigmaHigh,
        Optional<Double> percentLow,
        Optional<Double> percentHigh) {}
