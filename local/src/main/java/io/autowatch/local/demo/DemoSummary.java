package io.autowatch.local.demo;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.judge.Comparison;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo's story told under every policy: on the same days, how often each would have alerted, which of the
 * injected incidents it caught, and where its other alerts went (Brazil's growth, the low-volume countries, the
 * rest). The verdicts come from {@link Comparison}, which judges as the check does.
 */
public final class DemoSummary {

    /**
     * One policy's tally over the demo's jobs.
     *
     * @param alertDays job-days that would have alerted
     * @param growth    alerts on Brazil's jobs (growing 0.4% a day)
     * @param lowVolume alerts on Iceland's and Luxembourg's jobs (a handful a day)
     * @param others    alerts anywhere else that is not an incident day
     */
    public record Score(
            String policy,
            int alertDays,
            List<DemoData.Incident> caught,
            List<DemoData.Incident> missed,
            int growth,
            int lowVolume,
            int others) {}

    private DemoSummary() {}

    public static List<Score> score(Map<String, Comparison.Compared> byJob, List<DemoData.Incident> incidents) {
        List<String> policies = byJob.values().stream()
                .findFirst()
                .map(Comparison.Compared::policies)
                .orElse(List.of());
        List<Score> scores = new ArrayList<>();
        for (String policy : policies) {
            int alertDays = 0;
            int growth = 0;
            int lowVolume = 0;
            int others = 0;
            List<DemoData.Incident> caught = new ArrayList<>();
            List<DemoData.Incident> missed = new ArrayList<>();
            for (var entry : byJob.entrySet()) {
                String country = country(entry.getKey());
                for (LocalDate day : entry.getValue().alertDays(policy)) {
                    alertDays++;
                    if (incidentOn(incidents, entry.getKey(), day)) {
                        continue;
                    }
                    switch (country) {
                        case "BR" -> growth++;
                        case "IS", "LU" -> lowVolume++;
                        default -> others++;
                    }
                }
            }
            for (DemoData.Incident incident : incidents) {
                Comparison.Compared compared = byJob.get(incident.job().value());
                boolean alerted = compared != null && compared.alertDays(policy).contains(incident.day());
                (alerted ? caught : missed).add(incident);
            }
            scores.add(new Score(policy, alertDays, caught, missed, growth, lowVolume, others));
        }
        return scores;
    }

    /** A small table, one line per policy, and the incidents a policy missed. */
    public static String text(List<Score> scores, int jobs, int days, String checkedWith) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Each policy on the same %d days of the %d jobs (the check above used the default policy, %s; "
                        + "`./autowatch compare <job>` shows one job day by day):%n",
                days,
                jobs,
                checkedWith));
        out.append(String.format(
                Locale.ROOT,
                "  %-9s %10s  %-16s %15s %12s %11s%n",
                "policy",
                "alert days",
                "incidents caught",
                "Brazil growth",
                "IS/LU (few)",
                "other jobs"));
        for (Score s : scores) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-9s %10d  %-16s %15d %12d %11d%n",
                    s.policy(),
                    s.alertDays(),
                    s.caught().size() + " of " + (s.caught().size() + s.missed().size()),
                    s.growth(),
                    s.lowVolume(),
                    s.others()));
        }
        for (Score s : scores) {
            if (!s.missed().isEmpty()) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %s missed: %s%n",
                        s.policy(),
                        s.missed().stream()
                                .map(i -> i.job() + " on " + i.day() + " (" + i.what() + ")")
                                .collect(Collectors.joining("; "))));
            }
        }
        return out.toString();
    }

    private static boolean incidentOn(List<DemoData.Incident> incidents, String job, LocalDate day) {
        return incidents.stream()
                .anyMatch(i -> i.job().value().equals(job) && i.day().equals(day));
    }

    /** "email/promo/BR" → "BR". */
    private static String country(String job) {
        return job.substring(job.lastIndexOf('/') + 1);
    }

    public static List<String> jobs() {
        return DemoData.jobs().stream().map(JobId::value).toList();
    }
}
