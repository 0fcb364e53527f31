package io.autowatch.healthcheck.judge.adaptive;

import java.time.DayOfWeek;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A job that idles at random: it writes nothing on some days, and which days is not a matter of the weekday (a job
 * that runs when its input arrives). Such a job is judged as two questions. A day it ran is compared with its running
 * days only ({@link DayValues#withIdleUnknown}). A day it did not run is judged by its streak of idle days: a streak of
 * length L is as rare as the job's own idle rate to the power L, so a job that stopped for good is still caught, a
 * few days later than a job that never idles.
 *
 * <p>The idle rate is not known exactly from a few weeks, and an underestimate would page: the streak's probability
 * is its expectation under the rate's posterior given the look-back (Jeffreys' prior, Beta(½, ½)), which is the
 * product over the streak's days of (idle + ½ + i) / (active + 1 + i). The streak being judged never teaches the rate.
 *
 * @param activeDays the days before the current streak on which the job could have run (known days, weekdays it runs)
 * @param idleDays   how many of those it did not run on
 * @param streak     the idle days in a row up to and including the checked day (0 when it ran)
 * @param probability how often the job's own idling gives a streak this long: 1 when it ran
 * @param offChances  per weekday (Monday first), for one the job does not run on, how often its idling alone would
 *                    leave that weekday as idle as it was (below {@link #OFF_BY_CHANCE}); 1 for the weekdays it runs on
 */
record IdleDays(int activeDays, int idleDays, int streak, double probability, double[] offChances) {

    /**
     * Idle days in one run of at least this many are an outage, not idling, unless there are more runs: one lone idle
     * day in the look-back is idling (a job that idled on 1 of 40 days idles about 1 day in 30, and a second lone
     * idle day must not page as "less than 1 in a billion"); three days in a row are not.
     */
    static final int MIN_IDLE_DAYS = 2;

    static final int MIN_IDLE_RUNS = 2;

    /** A weekday with at least this share of idle days is one the job does not run on (weekday-tied, not random). */
    private static final double WEEKDAY_OFF = 0.8;

    private static final double OFF_BY_CHANCE = 1e-3;

    /**
     * The job's idling, or null when it does not idle at random: it never idles, idles only on fixed weekdays, its
     * idle days form one run (an outage being judged), or its zeros are what counting noise gives a small job.
     *
     * @param today the checked day's count
     */
    static IdleDays of(DayValues days, long today) {
        double[] chances = offChances(days);
        boolean[] off = off(chances);
        int n = days.size();
        int streakStart = n;
        for (int i = n - 1; i >= 0; i--) {
            if (!days.known(i) || off[days.weekday(i).getValue() - 1]) {
                continue;
            }
            if (days.value(i) != 0) {
                break;
            }
            streakStart = i;
        }
        int active = 0;
        int idle = 0;
        int runs = 0;
        long sum = 0;
        boolean inRun = false;
        for (int i = 0; i < streakStart; i++) {
            if (!days.known(i) || off[days.weekday(i).getValue() - 1]) {
                continue;
            }
            active++;
            sum += days.value(i);
            if (days.value(i) == 0) {
                idle++;
                runs += inRun ? 0 : 1;
                inRun = true;
            } else {
                inRun = false;
            }
        }
        boolean loneIdleDay = idle == 1;
        if (!(loneIdleDay || (idle >= MIN_IDLE_DAYS && runs >= MIN_IDLE_RUNS)) || active - idle < 7) {
            return null;
        }
        // A small job's zeros may be its counting noise: Poisson zeros at its mean, with two standard deviations (and
        // one more zero), unless its mean makes a zero as good as impossible.
        double zero = Math.exp(-(double) sum / active);
        double byChance = active * zero < 0.01 ? 0 : active * zero + 2 * Math.sqrt(active * zero * (1 - zero)) + 1;
        if (idle <= byChance) {
            return null;
        }
        int streak = 0;
        if (today == 0) {
            streak = 1;
            for (int i = streakStart; i < n; i++) {
                streak += days.known(i) && !off[days.weekday(i).getValue() - 1] ? 1 : 0;
            }
        }
        return new IdleDays(active, idle, streak, streakProbability(active, idle, streak), chances);
    }

    /** E[q^L] for an idle rate q ~ Beta(idle + ½, active − idle + ½): how often a streak of L idle days comes. */
    static double streakProbability(int active, int idle, int streak) {
        double p = 1;
        for (int i = 0; i < streak; i++) {
            p *= (idle + 0.5 + i) / (active + 1.0 + i);
        }
        return p;
    }

    /**
     * The weekdays on which the job does not run: most of a weekday's days idle (at least 80% of at least three), and
     * more of them than its idling on the weekdays it plainly runs on explains (binomially, less than 1 in 1,000). A
     * job that idles half its days at random idles on all of some weekday's six days now and then; that weekday is
     * still one it runs on.
     */
    static boolean[] weekdaysOff(DayValues days) {
        return off(offChances(days));
    }

    private static boolean[] off(double[] chances) {
        boolean[] off = new boolean[7];
        for (int w = 0; w < 7; w++) {
            off[w] = chances[w] < OFF_BY_CHANCE;
        }
        return off;
    }

    /** Per weekday, how often chance alone gives a weekday the idle days it had, for a candidate weekday; else 1. */
    private static double[] offChances(DayValues days) {
        int[] known = new int[7];
        int[] zeros = new int[7];
        for (int i = 0; i < days.size(); i++) {
            if (days.known(i)) {
                int w = days.weekday(i).getValue() - 1;
                known[w]++;
                zeros[w] += days.value(i) == 0 ? 1 : 0;
            }
        }
        boolean[] candidate = new boolean[7];
        int runningKnown = 0;
        int runningZeros = 0;
        for (int w = 0; w < 7; w++) {
            candidate[w] = known[w] >= 3 && zeros[w] >= WEEKDAY_OFF * known[w];
            runningKnown += candidate[w] ? 0 : known[w];
            runningZeros += candidate[w] ? 0 : zeros[w];
        }
        // How often the job idles on the weekdays it plainly runs on: what chance alone gives a weekday.
        double byChance = (runningZeros + 0.5) / (runningKnown + 1.0);
        double[] chances = new double[7];
        for (int w = 0; w < 7; w++) {
            chances[w] =
                    candidate[w] ? BinomialDistribution.of(known[w], byChance).survivalProbability(zeros[w] - 1) : 1;
        }
        return chances;
    }

    /**
     * How often a job that idles at random leaves {@code day} as idle as it was, when the job seemed not to run on
     * that weekday; 1 for a weekday it runs on. A run on such a weekday is no rarer than this.
     */
    double offChance(DayOfWeek day) {
        double chance = offChances[day.getValue() - 1];
        return chance < OFF_BY_CHANCE ? chance : 1;
    }

    /** {@code days} with the idle days unknown: what the job does when it runs. */
    DayValues running(DayValues days) {
        return days.withIdleUnknown(off(offChances));
    }

    /** The days it ran on, of those it could have run on. */
    int ranDays() {
        return activeDays - idleDays;
    }
}
