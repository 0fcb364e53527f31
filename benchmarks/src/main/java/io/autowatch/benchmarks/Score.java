package io.autowatch.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one policy scored on a set of jobs (a tier, or all). Counts only; the rates are derived. */
final class Score {

    int incidents;
    int detectable;
    int detected;
    int detectableDetected;
    long delaySum;
    int episodes;
    int trueEpisodes;
    int falseEpisodes;
    long normalDays;
    long benignDays;
    long benignAlerts;
    long holidayDays;
    long holidayAlerts;
    long rampDays;
    long rampAlerts;
    final List<Integer> shiftSettle = new ArrayList<>();
    /** Per incident kind: incidents, detectable ones, detectable ones caught. */
    final Map<Incident.Kind, int[]> byKind = new EnumMap<>(Incident.Kind.class);
    /** A few false episodes and slow shifts, described, for {@code --explain}. */
    final List<String> examples = new ArrayList<>();

    long judgements;
    long nanos;

    void add(Score other) {
        incidents += other.incidents;
        detectable += other.detectable;
        detected += other.detected;
        detectableDetected += other.detectableDetected;
        delaySum += other.delaySum;
        episodes += other.episodes;
        trueEpisodes += other.trueEpisodes;
        falseEpisodes += other.falseEpisodes;
        normalDays += other.normalDays;
        benignDays += other.benignDays;
        benignAlerts += other.benignAlerts;
        holidayDays += other.holidayDays;
        holidayAlerts += other.holidayAlerts;
        rampDays += other.rampDays;
        rampAlerts += other.rampAlerts;
        shiftSettle.addAll(other.shiftSettle);
        other.byKind.forEach((kind, c) -> {
            int[] mine = byKind.computeIfAbsent(kind, k -> new int[3]);
            for (int i = 0; i < 3; i++) {
                mine[i] += c[i];
            }
        });
        examples.addAll(other.examples);
        judgements += other.judgements;
        nanos += other.nanos;
    }

    double holidayAlertShare() {
        return ratio(holidayAlerts, holidayDays);
    }

    double recall() {
        return ratio(detected, incidents);
    }

    double detectableRecall() {
        return ratio(detectableDetected, detectable);
    }

    double precision() {
        return ratio(trueEpisodes, episodes);
    }

    /** F1 of episode precision and the recall of detectable incidents. */
    double f1() {
        return f1(precision(), detectableRecall());
    }

    /** F1 of episode precision and the recall of all incidents. */
    double f1All() {
        return f1(precision(), recall());
    }

    double falseEpisodesPer100() {
        return normalDays == 0 ? Double.NaN : 100.0 * falseEpisodes / normalDays;
    }

    double benignAlertShare() {
        return ratio(benignAlerts, benignDays);
    }

    double rampAlertShare() {
        return ratio(rampAlerts, rampDays);
    }

    double meanDelay() {
        return detectableDetected == 0 ? Double.NaN : (double) delaySum / detectableDetected;
    }

    /** The median of the days each planned shift alerted for (0 when it never did). */
    double medianShiftSettle() {
        List<Integer> sorted = shiftSettle.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    double meanShiftSettle() {
        return shiftSettle.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    int maxShiftSettle() {
        return shiftSettle.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static double f1(double p, double r) {
        return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
