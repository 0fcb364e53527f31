package io.autowatch.benchmarks;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.util.List;

/**
 * One job's daily counts with its labels: generated ({@link Generator}) or a real series ({@link LabelledSeries}).
 * {@code counts[i]} is the count of day {@code firstDay + i}, or −1 when the job wrote no item (it did not run).
 * {@code benign[i]} marks days a policy should stay quiet on although they are unusual: growth ramps, the two weeks
 * after a planned level shift, and holidays.
 *
 * @param shifts start days of planned level shifts
 */
record LabelledJob(
        JobId id,
        Tier tier,
        LocalDate firstDay,
        CountSeries series,
        long[] counts,
        boolean[] ramp,
        boolean[] benign,
        List<Incident> incidents,
        List<Integer> shifts) {

    /**
     * This job with only the incidents that last until {@code firstJudged} or later: one over before the first judged
     * day cannot be caught, so it is history, not held against a policy.
     */
    LabelledJob judgedFrom(int firstJudged) {
        List<Incident> judged =
                incidents.stream().filter(x -> x.end() >= firstJudged).toList();
        return new LabelledJob(id, tier, firstDay, series, counts, ramp, benign, judged, shifts);
    }
}
