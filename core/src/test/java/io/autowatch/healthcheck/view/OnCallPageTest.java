package io.autowatch.healthcheck.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.StoredResult;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OnCallPageTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final PageLinks WIDGET = new PageLinks.Widget("arn:aws:lambda:us-east-1:123456789012:function:w");

    private static OpenIncident incident(String job, int openedAgo, int lastAgo, Severity severity) {
        return new OpenIncident(
                JobId.of(job), DAY.minusDays(openedAgo), DAY.minusDays(lastAgo), severity, HealthStatus.ZERO);
    }

    /** A low-volume job judged by classic: its bands go below zero. */
    private static List<StoredResult> lowVolume() {
        List<StoredResult> points = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            long count = i % 4;
            points.add(new StoredResult(
                    "sms/rare/IS",
                    DAY.minusDays(i),
                    i == 0 ? "UNHEALTHY" : "HEALTHY",
                    i == 0 ? 40 : count,
                    Optional.of(1.5),
                    Optional.of(-0.9),
                    Optional.of(3.9),
                    Optional.of(1.2),
                    Optional.of(1.8),
                    Optional.of("classic"),
                    Optional.empty(),
                    i == 0));
        }
        return points;
    }

    @Test
    void ranked_putsCriticalFirst_thenTheMostRecentAlert_thenTheOldest() {
        var oldWarning = incident("b/warning", 20, 1, Severity.WARNING);
        var freshCritical = incident("c/critical-fresh", 2, 0, Severity.CRITICAL);
        var staleCritical = incident("a/critical-stale", 30, 5, Severity.CRITICAL);

        assertThat(OnCallPage.ranked(List.of(oldWarning, staleCritical, freshCritical)))
                .containsExactly(freshCritical, staleCritical, oldWarning);
    }

    @Test
    void incidents_escapeAHostileJobId_inTheTextAndInTheWidgetsCall() {
        String hostile = "<script>alert(1)</script>\"&'";
        String html = OnCallPage.incidents(List.of(incident(hostile, 3, 1, Severity.CRITICAL)), DAY, WIDGET);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;");
        assertThat(html)
                .as("the cwdb-action's JSON holds no raw angle bracket or ampersand")
                .contains("{\"job\":\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\\"\\u0026'\"}")
                .contains("endpoint=\"arn:aws:lambda:us-east-1:123456789012:function:w\"")
                .contains("3 days");
        assertThat(OnCallPage.incidents(List.of(), DAY, WIDGET)).contains("No open incidents");
    }

    @Test
    void job_drawsTheBandNeverBelowZero_andNamesThePolicy() {
        String html = OnCallPage.job("sms/rare/IS", lowVolume(), Optional.empty(), 900, new PageLinks.Web("/"));

        Matcher polygon = Pattern.compile("<polygon points=\"([^\"]+)\"").matcher(html);
        assertThat(polygon.find()).isTrue();
        // The plot's zero line is at y = 10 + (260 - 10 - 28) = 232: no band point lies below it.
        for (String point : polygon.group(1).trim().split(" ")) {
            assertThat(Double.parseDouble(point.split(",")[1])).isLessThanOrEqualTo(232.0);
        }
        assertThat(html)
                .contains("Judged by classic")
                .contains("Days that alerted")
                .contains("0 to 3")
                .doesNotContain("NaN")
                .doesNotContain("−0.");
        assertThat(html).contains("<a href=\"/\">All open incidents</a>");
    }

    @Test
    void job_withNoResults_saysSo_andOffersTheForm() {
        String html = OnCallPage.job("no/such", List.of(), Optional.empty(), 900, WIDGET);

        assertThat(html).contains("No stored results for this job").contains("<form><input name=\"job\"");
    }

    @Test
    void job_labelsItsCountAxisWithRoundNumbers() {
        List<StoredResult> points = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            points.add(new StoredResult(
                    "email/busy/US",
                    DAY.minusDays(i),
                    "HEALTHY",
                    48_000 + 100L * i,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("adaptive"),
                    Optional.empty(),
                    false));
        }
        String html = OnCallPage.job("email/busy/US", points, Optional.empty(), 900, new PageLinks.Web("/"));

        Matcher label = Pattern.compile("text-anchor=\"end\" font-size=\"11\">([0-9,]+)</text>")
                .matcher(html);
        List<String> labels = new ArrayList<>();
        while (label.find()) {
            labels.add(label.group(1));
        }
        assertThat(labels).containsExactly("0", "20,000", "40,000", "60,000");
        assertThat(JobChart.niceStep(17_000)).isEqualTo(20_000);
        assertThat(JobChart.niceStep(1_200)).isEqualTo(2_000);
        assertThat(JobChart.niceStep(2_100)).isEqualTo(2_500);
        assertThat(JobChart.niceStep(0.4)).isEqualTo(1);
    }
}
