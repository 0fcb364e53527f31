package io.autowatch.schemasync.compat;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The compatibility section of a command's result: the level the repository chose, how many changed records were
 * checked, and each incompatibility.
 *
 * @param configProblem what was wrong with the repository's {@value CompatibilityConfig#FILE}, if anything (the
 *                      default level was used instead)
 */
public record CompatibilityReport(
        CompatibilityLevel level, int changedRecords, List<Incompatibility> problems, Optional<String> configProblem) {

    public static final String STATUS_CONTEXT = "autowatch/compatibility";

    public CompatibilityReport {
        Objects.requireNonNull(level, "level");
        problems = List.copyOf(problems);
        Objects.requireNonNull(configProblem, "configProblem");
    }

    public boolean compatible() {
        return problems.isEmpty();
    }

    /** One line for the commit status (GitHub keeps 140 characters). */
    public String summary() {
        String at = level.name().toLowerCase(Locale.ROOT);
        if (level == CompatibilityLevel.NONE) {
            return "not checked (level none)";
        }
        if (!compatible()) {
            return problems.size() + (problems.size() == 1 ? " incompatible change" : " incompatible changes") + " ("
                    + at + ")";
        }
        return changedRecords == 0
                ? "no record's schema changed (" + at + ")"
                : changedRecords + (changedRecords == 1 ? " changed record" : " changed records") + " compatible (" + at
                        + ")";
    }
}
