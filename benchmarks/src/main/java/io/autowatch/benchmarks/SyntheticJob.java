package io.autowatch.benchmarks;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import java.util.List;

/**
 * One generated job with its labels. {@code counts[i]} is day {@code i}'s count, or −1 when the job wrote no item
 * (it did not run). {@code benign[i]} marks days a policy should stay quiet on although they are unusual: growth
 * ramps, the two weeks after a planned level shift, and holidays.
 *
 * @param shifts start days of planned level shifts
 */
record SyntheticJob(
        JobId id,
        Tier tier,
        CountSeries series,
        long[] counts,
        boolean[] ramp,
        boolean[] benign,
        List<Incident> incidents,
        List<Integer> shifts) {}
