package io.autowatch.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One markdown table per policy: a row per tier and one pooled. */
final class Report {

    private Report() {}

    static String table(String policy, Map<Tier, Score> byTier, Score pooled) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(policy).append("\n\n");
        out.append("| tier | incidents (detectable) | recall | recall detectable | episodes | precision | F1 | F1 all"
                + " | false episodes /100 normal days | benign days alerting | holiday days alerting | ramp days alerting"
                + " | shift settles (median / mean / max days) | delay (days) | µs / judgement |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        byTier.forEach((tier, s) -> out.append(row(tier.label(), s)));
        out.append(row("**pooled**", pooled));
        return out.toString();
    }

    /** Recall of detectable incidents by kind, pooled over the tiers. */
    static String kinds(Score pooled) {
        StringBuilder out =
                new StringBuilder("| incident kind | incidents (detectable) | recall detectable |\n|---|---|---|\n");
        pooled.byKind.forEach((kind, c) -> out.append(String.format(
                Locale.ROOT,
                "| %s | %d (%d) | %s |%n",
                kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                c[0],
                c[1],
                percent(c[1] == 0 ? Double.NaN : (double) c[2] / c[1]))));
        return out.toString();
    }

    private static String row(String name, Score s) {
        return String.format(
                Locale.ROOT,
                "| %s | %d (%d) | %s | %s | %d | %s | %.2f | %.2f | %s | %s | %s | %s | %s | %s | %.0f |%n",
                name,
                s.incidents,
                s.detectable,
                percent(s.recall()),
                percent(s.detectableRecall()),
                s.episodes,
                percent(s.precision()),
                s.f1(),
                s.f1All(),
                decimal(s.falseEpisodesPer100(), "%.2f"),
                percent(s.benignAlertShare()),
                percent(s.holidayAlertShare()),
                percent(s.rampAlertShare()),
                s.shiftSettle.isEmpty()
                        ? "–"
                        : decimal(s.medianShiftSettle(), "%.1f") + " / " + decimal(s.meanShiftSettle(), "%.1f") + " / "
                                + s.maxShiftSettle(),
                decimal(s.meanDelay(), "%.2f"),
                s.judgements == 0 ? 0 : s.nanos / 1e3 / s.judgements);
    }

    /** "–" where there was nothing to measure (no normal days, no shifts, nothing detected). */
    private static String decimal(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    /** How many incidents of each kind (and how many detectable), growth ramps and planned shifts. */
    static String summary(List<LabelledJob> jobs) {
        Map<Incident.Kind, int[]> kinds = new EnumMap<>(Incident.Kind.class);
        int ramps = 0;
        int shifts = 0;
        for (LabelledJob job : jobs) {
            for (Incident incident : job.incidents()) {
                int[] c = kinds.computeIfAbsent(incident.kind(), k -> new int[2]);
                c[0]++;
                c[1] += incident.detectable() ? 1 : 0;
            }
            ramps += hasRamp(job) ? 1 : 0;
            shifts += job.shifts().size();
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach(
                (k, c) -> parts.add(k.name().toLowerCase(Locale.ROOT) + " " + c[0] + " (" + c[1] + " detectable)"));
        return "Incidents: " + String.join(", ", parts) + ". Growth ramps: " + ramps + " jobs; planned shifts: "
                + shifts + ".\n";
    }

    private static boolean hasRamp(LabelledJob job) {
        for (boolean r : job.ramp()) {
            if (r) {
                return true;
            }
        }
        return false;
    }
}
