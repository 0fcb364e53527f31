package io.autowatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.settings.SettingsBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledSeriesTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 6);

    @TempDir
    Path dir;

    /**
     * 120 days of a steady job (1,000 on weekdays, 400 at weekends), a known total failure on day 100 and a holiday
     * on day 80 that the calendar names.
     */
    private Path steadyJob() throws IOException {
        StringBuilder csv = new StringBuilder("job,day,count,label\n");
        for (int i = 0; i < 120; i++) {
            LocalDate day = FIRST.plusDays(i);
            long count = day.getDayOfWeek().getValue() >= 6 ? 400 + i % 3 : 1000 + (i * 7) % 20;
            String label = "";
            if (i == 100) {
                count = 0;
                label = "incident";
            } else if (i == 80) {
                count = 300;
                label = "excluded";
            }
            csv.append("real/steady,")
                    .append(day)
                    .append(',')
                    .append(count)
                    .append(',')
                    .append(label)
                    .append('\n');
        }
        return Files.writeString(dir.resolve("steady.csv"), csv);
    }

    @Test
    void aKnownEvent_isCaught_andACalendarHoliday_isNeitherAlertedNorCountedAsNormal() throws IOException {
        LabelledSeries.Read read = LabelledSeries.read(steadyJob());
        LabelledJob job = read.jobs().getFirst();
        assertThat(job.firstDay()).isEqualTo(FIRST);
        assertThat(job.counts()).hasSize(120);
        assertThat(job.incidents()).containsExactly(new Incident(Incident.Kind.KNOWN_EVENT, 100, 100, true));
        assertThat(job.tier()).isEqualTo(Tier.MID);
        assertThat(read.calendar()).hasSize(1);

        JobSettings settings = ((SettingsBook.Resolved) new SettingsBook(read.calendar()).resolve(job.id()))
                .settings()
                .withPolicy("adaptive");
        assertThat(settings.excludedDates()).containsExactly(FIRST.plusDays(80));
        Score score = Scorer.score(
                job, settings, Policies.standard().named("adaptive").orElseThrow(), 28, job.counts().length);
        assertThat(score.incidents).isEqualTo(1);
        assertThat(score.detected).isEqualTo(1);
        assertThat(score.falseEpisodes).isZero();
        // 92 judged days: the incident day and its two days after, and the holiday, are not normal days.
        assertThat(score.normalDays).isEqualTo(92 - 3 - 1);
    }

    @Test
    void aDayLeftOut_isADayTheJobWroteNothing_andAnEmptyCountMayLabelOne() throws IOException {
        Path file = Files.writeString(
                dir.resolve("gaps.csv"),
                "job,day,count,label\nreal/a,2025-01-06,10,\nreal/a,2025-01-08,,incident\nreal/a,2025-01-09,12,\n");
        LabelledJob job = LabelledSeries.read(file).jobs().getFirst();
        assertThat(job.counts()).containsExactly(10, -1, -1, 12);
        assertThat(job.series().countOn(FIRST.plusDays(1))).isEmpty();
        assertThat(job.incidents()).containsExactly(new Incident(Incident.Kind.KNOWN_EVENT, 2, 2, true));
    }

    @Test
    void anEventWithinTheHistoryDays_isLeftOut_andOneThatLastsIntoTheJudgedDays_isKept() throws IOException {
        StringBuilder csv = new StringBuilder("job,day,count,label\n");
        for (int i = 0; i < 60; i++) {
            boolean event = i == 5 || i == 6 || i == 27 || i == 28;
            csv.append("real/a,")
                    .append(FIRST.plusDays(i))
                    .append(',')
                    .append(event ? 0 : 500)
                    .append(',')
                    .append(event ? "incident" : "")
                    .append('\n');
        }
        LabelledJob job = LabelledSeries.read(Files.writeString(dir.resolve("early.csv"), csv))
                .jobs()
                .getFirst();
        assertThat(job.incidents()).hasSize(2);
        LabelledJob judged = job.judgedFrom(28);
        assertThat(judged.incidents()).containsExactly(new Incident(Incident.Kind.KNOWN_EVENT, 27, 28, true));
        Score score = Scorer.score(
                judged,
                JobSettings.DEFAULTS.withPolicy("adaptive"),
                Policies.standard().named("adaptive").orElseThrow(),
                28,
                60);
        assertThat(score.incidents).isEqualTo(1);
        assertThat(score.detected)
                .as("its judged day, a zero among 500s, alerts")
                .isEqualTo(1);
    }

    @Test
    void aBadRow_isReportedWithItsLine_beforeAnythingIsScored() throws IOException {
        Path label = Files.writeString(
                dir.resolve("label.csv"), "job,day,count,label\nreal/a,2025-01-06,10,\nreal/a,2025-01-07,10,outage\n");
        assertThatThrownBy(() -> LabelledSeries.read(label))
                .hasMessageEndingWith("label.csv:3: label 'outage' is none of: (empty), incident, benign, excluded");
        Path twice = Files.writeString(
                dir.resolve("twice.csv"), "job,day,count,label\nreal/a,2025-01-06,10,\nreal/a,2025-01-06,11,\n");
        assertThatThrownBy(() -> LabelledSeries.read(twice))
                .hasMessageEndingWith("twice.csv:3: real/a has 2025-01-06 twice");
        Path negative = Files.writeString(dir.resolve("neg.csv"), "job,day,count,label\nreal/a,2025-01-06,-4,\n");
        assertThatThrownBy(() -> LabelledSeries.read(negative)).hasMessageEndingWith("neg.csv:2: count -4 is negative");
        Path comma = Files.writeString(dir.resolve("comma.csv"), "job,day,count,label\na,b,2025-01-06,4,\n");
        assertThatThrownBy(() -> LabelledSeries.read(comma)).hasMessageContaining("a job id may not hold a comma");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "job,day,count,label\nréal/a,2025-01-06,4,\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> LabelledSeries.read(latin1))
                .hasMessageEndingWith("latin1.csv: not UTF-8 text (save it as CSV UTF-8)");
        StringBuilder holidays = new StringBuilder("job,day,count,label\n");
        for (int i = 0; i <= JobSettings.MAX_EXCLUDED_DATES; i++) {
            holidays.append("real/a,").append(FIRST.plusDays(i)).append(",4,excluded\n");
        }
        Path many = Files.writeString(dir.resolve("many.csv"), holidays);
        assertThatThrownBy(() -> LabelledSeries.read(many)).hasMessageContaining("real/a has 401 excluded days");
        Path header = Files.writeString(dir.resolve("header.csv"), "day,count\n2025-01-06,4\n");
        assertThatThrownBy(() -> LabelledSeries.read(header))
                .hasMessageEndingWith("header.csv:1: the first line must be the header job,day,count,label");
    }
}
