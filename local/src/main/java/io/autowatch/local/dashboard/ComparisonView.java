package io.autowatch.local.dashboard;

import io.autowatch.healthcheck.judge.Comparison;
import io.autowatch.healthcheck.judge.DayJudge;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A {@link Comparison} for people: the CLI's table and the dashboard's JSON. */
public final class ComparisonView {

    private ComparisonView() {}

    /**
     * One line per day (or per day on which some policy alerts, with {@code alertsOnly}), each policy's status and
     * whether it alerts, then the days each policy alerted on and those only one of them did.
     */
    public static String text(String job, Comparison.Compared compared, boolean alertsOnly) {
        StringBuilder out = new StringBuilder();
        List<String> policies = compared.policies();
        if (compared.days().isEmpty()) {
            return "No day to compare: '" + job + "' reported nothing within its look-back in that range.\n";
        }
        out.append(String.format(
                Locale.ROOT,
                "%s from %s to %s under %s (the job's policy: %s)%n%n",
                job,
                compared.days().getFirst().day(),
                compared.days().getLast().day(),
                String.join(" and ", policies),
                compared.current()));
        out.append(String.format(Locale.ROOT, "%-10s %12s", "day", "count"));
        policies.forEach(p -> out.append(String.format(Locale.ROOT, "  %-27s", p)));
        out.append(String.format("%n"));
        for (Comparison.Day day : compared.days()) {
            if (alertsOnly && policies.stream().noneMatch(day::alerts)) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-10s %,12d", day.day(), day.count()));
            for (String p : policies) {
                DayJudge.Judged judged = day.verdicts().get(p);
                out.append(String.format(
                        Locale.ROOT, "  %-27s", judged.assessment().status() + (judged.alerts() ? "  ALERT" : "")));
            }
            out.append(String.format("%n"));
        }
        out.append(String.format("%n"));
        int width = policies.stream().mapToInt(String::length).max().orElse(0) + 1;
        for (String p : policies) {
            List<LocalDate> alerts = compared.alertDays(p);
            out.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s %d of %d days would have alerted%s%n",
                    p + ":",
                    alerts.size(),
                    compared.days().size(),
                    alerts.isEmpty() ? "" : ": " + days(alerts)));
        }
        if (policies.size() == 2) {
            String a = policies.get(0);
            String b = policies.get(1);
            out.append(String.format(
                    Locale.ROOT, "Only %s: %s. Only %s: %s.%n", a, only(compared, a, b), b, only(compared, b, a)));
        }
        return out.toString();
    }

    /** The dashboard's comparison: parallel arrays per policy, and the days each would have alerted on. */
    public static Map<String, Object> json(String job, Comparison.Compared compared) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", job);
        json.put("current", compared.current());
        json.put("policies", compared.policies());
        json.put("days", compared.days().stream().map(d -> d.day().toString()).toList());
        json.put("counts", compared.days().stream().map(Comparison.Day::count).toList());
        Map<String, Object> verdicts = new LinkedHashMap<>();
        Map<String, Object> alertDays = new LinkedHashMap<>();
        for (String p : compared.policies()) {
            verdicts.put(
                    p,
                    Map.of(
                            "statuses",
                            compared.days().stream()
                                    .map(d -> d.verdicts()
                                            .get(p)
                                            .assessment()
                                            .status()
                                            .name())
                                    .toList(),
                            "alerts",
                            compared.days().stream().map(d -> d.alerts(p)).toList()));
            alertDays.put(
                    p, compared.alertDays(p).stream().map(LocalDate::toString).toList());
        }
        json.put("verdicts", verdicts);
        json.put("alertDays", alertDays);
        return json;
    }

    private static String only(Comparison.Compared compared, String policy, String other) {
        List<LocalDate> days = compared.days().stream()
                .filter(d -> d.alerts(policy) && !d.alerts(other))
                .map(Comparison.Day::day)
                .toList();
        return days.isEmpty() ? "none" : days(days);
    }

    private static String days(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }
}
