package io.autowatch.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;

/** The labelled incidents of a generated job: which kinds, where, and whether its own noise could hide them. */
final class Incidents {

    /** The kinds of incident generated, in a fixed order: the same seed draws the same incidents. */
    private static final Incident.Kind[] GENERATED = {
        Incident.Kind.DUPLICATE_SENDS,
        Incident.Kind.PARTIAL_FAILURE,
        Incident.Kind.TOTAL_FAILURE,
        Incident.Kind.MISSED_RUN_CATCH_UP,
        Incident.Kind.SLOW_DEGRADATION
    };

    /** For jobs that idle at random: a missed run among idle days is only telling when it lasts. */
    private static final Incident.Kind[] GENERATED_SKIPPING = {
        Incident.Kind.DUPLICATE_SENDS,
        Incident.Kind.PARTIAL_FAILURE,
        Incident.Kind.TOTAL_FAILURE,
        Incident.Kind.SLOW_DEGRADATION
    };

    private Incidents() {}

    /**
     * Draws the job's incidents and writes them into {@code counts} (its clean counts until then).
     *
     * @param idleShare the share of days a job that idles at random idles on, or −1 for a job that runs every day
     */
    static List<Incident> generate(
            SplittableRandom random,
            UniformRandomProvider rng,
            double[] mean,
            long[] counts,
            double dispersion,
            boolean[] busy,
            double idleShare) {
        boolean skipping = idleShare >= 0;
        int days = mean.length;
        List<Incident> incidents = new ArrayList<>();
        int judged = days - Generator.WARM_UP;
        int wanted = (int) Math.round(4.0 * judged / 295);
        int attempts = 0;
        while (incidents.size() < wanted && attempts++ < 200) {
            Incident.Kind[] kinds = skipping ? GENERATED_SKIPPING : GENERATED;
            Incident.Kind kind = kinds[random.nextInt(kinds.length)];
            int length =
                    switch (kind) {
                        case DUPLICATE_SENDS -> 1;
                        case TOTAL_FAILURE -> skipping ? 3 + random.nextInt(8) : 1 + random.nextInt(3);
                        case PARTIAL_FAILURE -> 1 + random.nextInt(3);
                        case MISSED_RUN_CATCH_UP -> 2;
                        case SLOW_DEGRADATION -> 7 + random.nextInt(4);
                        case KNOWN_EVENT -> throw new IllegalStateException("a real series' label, never generated");
                    };
            int start = Generator.WARM_UP + random.nextInt(judged - length - 3);
            int end = start + length - 1;
            if (Draws.anyBusy(busy, start - 10, end + 10) || (skipping && mean[start] <= 0)) {
                continue;
            }
            Draws.mark(busy, start - 10, end + 10);
            // The job's clean mean is spent: an incident replaces the clean days' counts.
            double[] actual = new double[length];
            switch (kind) {
                case DUPLICATE_SENDS -> actual[0] = mean[start] * Draws.uniform(random, 1.5, 3);
                case PARTIAL_FAILURE -> {
                    double kept = 1 - Draws.uniform(random, 0.3, 0.8);
                    for (int d = 0; d < length; d++) {
                        actual[d] = mean[start + d] * kept;
                    }
                }
                case TOTAL_FAILURE -> {}
                case MISSED_RUN_CATCH_UP -> actual[1] = mean[start] + mean[start + 1];
                case SLOW_DEGRADATION -> {
                    for (int d = 0; d < length; d++) {
                        actual[d] = mean[start + d] * Math.pow(0.97, d + 1);
                    }
                }
            }
            for (int d = 0; d < length; d++) {
                int i = start + d;
                boolean noItem = actual[d] == 0 && mean[i] > 0;
                counts[i] = noItem || mean[i] <= 0 ? -1 : Draws.sample(actual[d], dispersion, rng);
            }
            boolean detectable = skipping && kind == Incident.Kind.TOTAL_FAILURE
                    // Among random idle days, days without a run are only telling when so many in a row are rare.
                    ? Math.pow(idleShare, length) < 1e-3
                    : detectable(kind, start, end, mean, counts, dispersion);
            incidents.add(new Incident(kind, start, end, detectable));
        }
        incidents.sort(Comparator.comparingInt(Incident::start));
        return incidents;
    }

    /**
     * A one-sided test of the incident's days against their clean means, with the generator's own noise: the sum of
     * the days (for a missed run, the missed day alone, since the catch-up cancels it in a sum).
     */
    private static boolean detectable(
            Incident.Kind kind, int start, int end, double[] mean, long[] counts, double dispersion) {
        int last = kind == Incident.Kind.MISSED_RUN_CATCH_UP ? start : end;
        double expected = 0;
        double variance = 0;
        long counted = 0;
        for (int i = start; i <= last; i++) {
            expected += mean[i];
            variance += mean[i] + dispersion * mean[i] * mean[i];
            counted += Math.max(0, counts[i]);
        }
        if (expected <= 0) {
            return false;
        }
        return Tails.oneSided(counted, expected, variance) < 1e-3;
    }
}
