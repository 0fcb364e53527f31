package io.autowatch.benchmarks;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Deterministic labelled job histories: the same seed gives the same jobs, byte for byte. Each job gets a volume
 * tier, a weekday profile, slow drift, sometimes a growth ramp or a planned level shift, the deployment's holidays,
 * and incidents; its noise is negative binomial (CV 3–10% at high volume), which is Poisson at low volume.
 */
final class Generator {

    /** A Monday, so that weeks line up in the output. */
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);

    /** Days before the first judged one: room for any policy's look-back. */
    static final int WARM_UP = 70;

    private static final int HOLIDAYS = 8;

    private final long seed;
    private final int jobs;
    private final int days;
    private final boolean skipping;
    private final TreeSet<Integer> holidays = new TreeSet<>();

    Generator(long seed, int jobs, int days) {
        this(seed, jobs, days, false);
    }

    /**
     * @param skipping jobs that idle at random on 10–50% of their days (no item written), not tied to the weekday:
     *                 a job that runs when its input arrives. Drawn from their own stream, so that the every-day jobs
     *                 of a seed stay as they are
     */
    Generator(long seed, int jobs, int days, boolean skipping) {
        if (days < WARM_UP + 60) {
            throw new IllegalArgumentException("--days must be at least " + (WARM_UP + 60));
        }
        this.seed = seed;
        this.jobs = jobs;
        this.days = days;
        this.skipping = skipping;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        while (holidays.size() < Math.min(HOLIDAYS, (days - WARM_UP) / 30)) {
            holidays.add(WARM_UP + random.nextInt(days - WARM_UP));
        }
    }

    /**
     * The holidays are these dates (those after the first {@link #WARM_UP} days), not random ones: a country's public
     * holidays. The jobs then differ from the seed's usual ones.
     */
    Generator withHolidays(Set<LocalDate> dates) {
        holidays.clear();
        for (LocalDate date : dates) {
            long i = date.toEpochDay() - FIRST_DAY.toEpochDay();
            if (i >= WARM_UP && i < days) {
                holidays.add((int) i);
            }
        }
        return this;
    }

    /** The deployment-wide calendar: days on which every job sends less (×0.3–0.7). */
    TreeSet<LocalDate> holidayDates() {
        TreeSet<LocalDate> dates = new TreeSet<>();
        holidays.forEach(i -> dates.add(FIRST_DAY.plusDays(i)));
        return dates;
    }

    List<LabelledJob> jobs() {
        SplittableRandom root = new SplittableRandom(skipping ? seed ^ 0x51_1CE5L : seed);
        List<LabelledJob> result = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            Tier tier = Tier.values()[j % Tier.values().length];
            result.add(job(j, tier, root.split()));
        }
        return result;
    }

    private LabelledJob job(int index, Tier tier, SplittableRandom random) {
        UniformRandomProvider rng = random::nextLong;
        double base = Math.exp(Draws.uniform(random, Math.log(tier.low), Math.log(tier.high)));
        double cv = Math.exp(Draws.uniform(random, Math.log(0.03), Math.log(0.10)));
        double dispersion = cv * cv;
        double[] profile = profile(random);

        // The clean mean per day: base × weekday × drift × ramp × shift × holiday.
        double[] level = new double[days];
        boolean[] ramp = new boolean[days];
        boolean[] benign = new boolean[days];
        boolean[] busy = new boolean[days];
        List<Integer> shifts = new ArrayList<>();
        double drift = 0;
        for (int i = 0; i < days; i++) {
            drift += 0.004 * Draws.gaussian(random) - 0.01 * drift;
            level[i] = base * Math.exp(drift);
        }
        double kind = random.nextDouble();
        if (kind < 0.2) {
            int length = 30 + random.nextInt(31);
            int start = WARM_UP + random.nextInt(days - WARM_UP - length);
            double rate = Draws.uniform(random, 0.01, 0.05);
            double factor = 1;
            for (int i = start; i < days; i++) {
                if (i < start + length) {
                    factor *= 1 + rate;
                    ramp[i] = true;
                    benign[i] = true;
                }
                level[i] *= factor;
            }
            Draws.mark(busy, start - 7, start + length + 7);
        } else if (kind < 0.45) {
            int start = WARM_UP + 14 + random.nextInt(days - WARM_UP - 28);
            double factor = random.nextBoolean() ? 1.5 : 0.7;
            for (int i = start; i < days; i++) {
                level[i] *= factor;
            }
            shifts.add(start);
            Draws.mark(benign, start, start + 14);
            Draws.mark(busy, start - 7, start + 21);
        }
        for (int h : holidays) {
            level[h] *= Draws.uniform(random, 0.3, 0.7);
            benign[h] = true;
            Draws.mark(busy, h - 2, h + 3);
        }
        double[] mean = new double[days];
        for (int i = 0; i < days; i++) {
            mean[i] = level[i] * profile[FIRST_DAY.plusDays(i).getDayOfWeek().getValue() - 1];
        }

        double idleShare = 0;
        if (skipping) {
            idleShare = Draws.uniform(random, 0.1, 0.5);
            for (int i = 0; i < days; i++) {
                if (random.nextDouble() < idleShare) {
                    mean[i] = 0;
                }
            }
        }
        long[] counts = new long[days];
        for (int i = 0; i < days; i++) {
            counts[i] = mean[i] <= 0 ? -1 : Draws.sample(mean[i], dispersion, rng);
        }
        List<Incident> incidents =
                Incidents.generate(random, rng, mean, counts, dispersion, busy, skipping ? idleShare : -1);

        CountSeries series = CountSeries.covering(FIRST_DAY, days);
        for (int i = 0; i < days; i++) {
            if (counts[i] >= 0) {
                series.put(FIRST_DAY.plusDays(i), counts[i]);
            }
        }
        JobId id = JobId.of("bench/" + (skipping ? "skipping/" : "") + tier.label() + "/" + index);
        return new LabelledJob(id, tier, FIRST_DAY, series, counts, ramp, benign, incidents, shifts);
    }

    /** Weekday factors: flat, office-like, weekdays only, three weekdays only, or busy at weekends. */
    private static double[] profile(SplittableRandom random) {
        double[] p = new double[7];
        double kind = random.nextDouble();
        for (int w = 0; w < 7; w++) {
            boolean weekend = w >= 5;
            if (kind < 0.3) {
                p[w] = Draws.uniform(random, 0.95, 1.05);
            } else if (kind < 0.65) {
                p[w] = weekend ? Draws.uniform(random, 0.3, 0.7) : Draws.uniform(random, 1.0, 1.3);
            } else if (kind < 0.8) {
                p[w] = weekend ? 0 : Draws.uniform(random, 0.9, 1.2);
            } else if (kind < 0.9) {
                p[w] = w % 2 == 0 && w < 5 ? Draws.uniform(random, 0.9, 1.1) : 0;
            } else {
                p[w] = weekend ? Draws.uniform(random, 1.3, 1.8) : Draws.uniform(random, 0.8, 1.0);
            }
        }
        return p;
    }
}
