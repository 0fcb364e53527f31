package io.autowatch.healthcheck.view;

import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.Wording;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The on-call page, as HTML with an inline SVG chart and no script, so that it renders the same in a CloudWatch
 * dashboard's custom widget (which strips scripts) and in a browser. Pure: it draws what it is given.
 *
 * <p>The front view lists the open incidents, the jobs on-call must look at, critical first and the most recently
 * alerting first within each; a job's view draws its counts and what the policy that judged each day expected.
 */
public final class OnCallPage {

    private OnCallPage() {}

    /** Open incidents first by severity, then by the most recent alert, then by how long they have been open. */
    public static List<OpenIncident> ranked(List<OpenIncident> open) {
        return open.stream()
                .sorted(Comparator.comparing((OpenIncident i) -> i.severity() == Severity.CRITICAL ? 0 : 1)
                        .thenComparing(OpenIncident::lastAlertDay, Comparator.reverseOrder())
                        .thenComparing(OpenIncident::openedDay)
                        .thenComparing(i -> i.job().value()))
                .toList();
    }

    public static String incidents(List<OpenIncident> open, LocalDate today, PageLinks links) {
        StringBuilder html = new StringBuilder(style());
        html.append("<h2>autowatch · open incidents</h2>");
        if (open.isEmpty()) {
            html.append("<p>No open incidents: every job that alerted has recovered or was retired.</p>");
        } else {
            html.append("<p>")
                    .append(open.size())
                    .append(open.size() == 1 ? " job needs" : " jobs need")
                    .append(" a look, critical first, most recent alert first.</p>");
            html.append("<table><tr><th>job</th><th>severity</th><th>open since</th><th>last alert</th>"
                    + "<th>last status</th></tr>");
            for (OpenIncident i : ranked(open)) {
                long days = ChronoUnit.DAYS.between(i.openedDay(), today);
                html.append("<tr><td>")
                        .append(links.toJob(i.job().value(), Html.text(i.job().value())))
                        .append("</td><td class=\"")
                        .append(i.severity().wireName())
                        .append("\">")
                        .append(i.severity().wireName())
                        .append("</td><td>")
                        .append(i.openedDay())
                        .append(" (")
                        .append(days)
                        .append(days == 1 ? " day" : " days")
                        .append(")</td><td>")
                        .append(i.lastAlertDay())
                        .append("</td><td>")
                        .append(i.lastStatus())
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<p>Any job:</p>").append(links.jobForm());
        return html.toString();
    }

    /**
     * @param points the job's stored results, oldest first
     */
    public static String job(
            String job, List<StoredResult> points, Optional<OpenIncident> incident, int width, PageLinks links) {
        StringBuilder html = new StringBuilder(style());
        html.append("<h2>").append(Html.text(job)).append("</h2>");
        html.append("<p>").append(links.toList()).append("</p>");
        if (points.isEmpty()) {
            html.append("<p>No stored results for this job in these days. Check the job id; a job is checked from "
                    + "its first count on.</p>");
            html.append(links.jobForm());
            return html.toString();
        }
        StoredResult last = points.getLast();
        html.append("<p>")
                .append(incident.map(i -> "<b>Open incident</b> since " + i.openedDay() + ", last alert "
                                + i.lastAlertDay() + ". ")
                        .orElse("No open incident. "))
                .append("Latest: ")
                .append(last.day())
                .append(", ")
                .append(Html.text(last.status()))
                .append(", counted ")
                .append(Wording.count(last.count()))
                .append(last.policy().map(p -> ", judged by " + Html.text(p)).orElse(""))
                .append(".</p>");
        last.expectation()
                .ifPresent(e ->
                        html.append("<p>").append(Html.text(e.explanation())).append("</p>"));
        html.append(JobChart.svg(points, Math.max(320, width - 24), 260));
        html.append(JobChart.legend(points));
        List<StoredResult> alerting =
                points.stream().filter(StoredResult::alerted).toList();
        if (!alerting.isEmpty()) {
            html.append("<h3>Days that alerted</h3><table><tr><th>day</th><th>status</th><th>count</th>"
                    + "<th>expected</th><th>why</th></tr>");
            for (StoredResult r : alerting.reversed().subList(0, Math.min(alerting.size(), 15))) {
                html.append("<tr><td>")
                        .append(r.day())
                        .append("</td><td>")
                        .append(Html.text(r.status()))
                        .append("</td><td>")
                        .append(Wording.count(r.count()))
                        .append("</td><td>")
                        .append(JobChart.range(r).map(Html::text).orElse(""))
                        .append("</td><td>")
                        .append(r.expectation()
                                .map(e -> Html.text(e.explanation()))
                                .orElse(""))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.toString();
    }

    private static String style() {
        return "<style>body,div{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}"
                + "td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left}"
                + ".critical{color:#b00020;font-weight:bold}.warning{color:#a15c00}"
                + ".legend span{display:inline-block;margin-right:14px}"
                + ".sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}</style>";
    }
}
