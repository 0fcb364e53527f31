package io.autowatch.benchmarks;

import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.Backtest;
import io.autowatch.healthcheck.judge.DayJudge;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Scores one policy on one job: {@link Backtest} over every judged day, exactly as the live check would judge it,
 * then episodes (consecutive alerting days) against the labels.
 *
 * <ul>
 *   <li>An incident is detected when a day from its start to its end alerts; the delay is the days from its start
 *       to the first such alert.</li>
 *   <li>An episode is true when it overlaps an incident's days or the two days after (a bounce back is part of
 *       it); every other episode is false, benign days included.</li>
 *   <li>Normal days are judged days outside incidents (and those two days) and outside benign days.</li>
 *   <li>A planned shift has settled on the day after its last alert within four weeks of it (0: never alerted).</li>
 * </ul>
 */
final class Scorer {

    private static final int AFTERMATH = 2;
    private static final int SHIFT_HORIZON = 28;

    private Scorer() {}

    private static String describe(LabelledJob job, DayJudge.Judged judged) {
        if (judged == null) {
            return job.id() + " (a day before the first judged one)";
        }
        var a = judged.assessment();
        return job.id() + " " + a.day() + " " + a.day().getDayOfWeek() + " " + a.status() + " count " + a.count()
                + a.expectation()
                        .map(e -> ": " + e.explanation() + " {" + e.basis() + "}")
                        .orElse(a.bands()
                                .map(b -> ": mean " + Math.round(b.mean()) + " σ " + Math.round(b.sigma()))
                                .orElse(""));
    }

    static Score score(LabelledJob job, JobSettings settings, HealthPolicy policy, int firstJudged, int days) {
        return score(job, settings, policy, firstJudged, days, Set.of());
    }

    /** @param holidays the deployment's holidays: how many of their judged days alert is counted */
    static Score score(
            LabelledJob job,
            JobSettings settings,
            HealthPolicy policy,
            int firstJudged,
            int days,
            Set<LocalDate> holidays) {
        LocalDate from = job.firstDay().plusDays(firstJudged);
        LocalDate to = job.firstDay().plusDays(days - 1L);
        long started = System.nanoTime();
        List<DayJudge.Judged> judged = Backtest.run(job.series(), from, to, settings, policy);
        Score score = new Score();
        score.nanos = System.nanoTime() - started;
        score.judgements = judged.size();

        DayJudge.Judged[] byIndex = new DayJudge.Judged[days];
        boolean[] alerts = new boolean[days];
        boolean[] isJudged = new boolean[days];
        for (DayJudge.Judged day : judged) {
            int i = (int) (day.assessment().day().toEpochDay() - job.firstDay().toEpochDay());
            alerts[i] = day.alerts();
            byIndex[i] = day;
            isJudged[i] = true;
        }
        boolean[] incidentDay = new boolean[days];
        for (Incident incident : job.incidents()) {
            for (int i = incident.start(); i <= Math.min(days - 1, incident.end() + AFTERMATH); i++) {
                incidentDay[i] = true;
            }
            score.incidents++;
            score.detectable += incident.detectable() ? 1 : 0;
            int[] kind = score.byKind.computeIfAbsent(incident.kind(), k -> new int[3]);
            kind[0]++;
            kind[1] += incident.detectable() ? 1 : 0;
            boolean found = false;
            for (int i = incident.start(); i <= incident.end(); i++) {
                if (alerts[i]) {
                    found = true;
                    score.detected++;
                    if (incident.detectable()) {
                        score.detectableDetected++;
                        kind[2]++;
                        score.delaySum += i - incident.start();
                    }
                    break;
                }
            }
            if (!found && incident.detectable()) {
                score.examples.add("missed " + incident.kind() + " " + (incident.end() - incident.start() + 1)
                        + " days: " + describe(job, byIndex[incident.end()]));
            }
        }
        for (int i = firstJudged; i < days; i++) {
            if (!isJudged[i]) {
                continue;
            }
            if (job.benign()[i] && !incidentDay[i]) {
                score.benignDays++;
                score.benignAlerts += alerts[i] ? 1 : 0;
            }
            if (holidays.contains(job.firstDay().plusDays(i)) && !incidentDay[i]) {
                score.holidayDays++;
                score.holidayAlerts += alerts[i] ? 1 : 0;
            }
            if (job.ramp()[i] && !incidentDay[i]) {
                score.rampDays++;
                score.rampAlerts += alerts[i] ? 1 : 0;
            }
            if (!job.benign()[i] && !incidentDay[i]) {
                score.normalDays++;
            }
            if (alerts[i] && (i == firstJudged || !alerts[i - 1])) {
                int end = i;
                while (end + 1 < days && alerts[end + 1]) {
                    end++;
                }
                boolean real = false;
                for (int d = i; d <= end; d++) {
                    real |= incidentDay[d];
                }
                score.episodes++;
                if (real) {
                    score.trueEpisodes++;
                } else {
                    score.falseEpisodes++;
                    score.examples.add("false " + (job.benign()[i] ? "(benign) " : "") + describe(job, byIndex[i])
                            + " [" + (end - i + 1) + " days]");
                }
            }
        }
        for (int shift : job.shifts()) {
            int settled = 0;
            for (int i = shift; i < Math.min(days, shift + SHIFT_HORIZON); i++) {
                if (alerts[i] && !incidentDay[i]) {
                    settled = i - shift + 1;
                }
            }
            score.shiftSettle.add(settled);
            if (settled > 5) {
                score.examples.add(
                        "shift settled after " + settled + " days: " + describe(job, byIndex[shift + settled - 1]));
            }
        }
        return score;
    }
}
