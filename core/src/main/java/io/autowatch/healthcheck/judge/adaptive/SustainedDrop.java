package io.autowatch.healthcheck.judge.adaptive;

/**
 * The drop test over the last few days together, today included: their sum against the sum the level before them
 * predicted. A small job's single days are too noisy to say much (at 3 a day a zero comes 1 day in 20), but a week
 * of them is not, so a sustained drop is caught without paging on one quiet day; a busy job's slow slide, each day a
 * little lower than the last, is caught the same way. It compares with the level before the days, not extrapolating
 * growth (a drop test must not fire when growth stops), and allows for that level's own uncertainty, which does
 * not shrink with more days.
 *
 * @param days        the days summed (known ones, today included)
 * @param counted     their sum
 * @param expected    what the level before them predicted
 * @param probability P(sum ≤ counted) under the model
 * @param model       the sum's count model, for {@link #lowest}
 * @param tail        the test's tail, for {@link #lowest}
 * @param floor       the floor, for {@link #lowest}
 */
record SustainedDrop(
        int days, long counted, double expected, double probability, CountModel model, double tail, Floor floor) {

    /** Tests the last {@code window} days ending on the checked day (index {@code days.size()}), or null if too few. */
    static SustainedDrop of(
            DayValues days,
            LevelTrack track,
            WeekdayProfile profile,
            double dispersion,
            int window,
            long today,
            double tail,
            Floor floor) {
        int n = days.size();
        int start = Math.max(n - (window - 1), track.anchoredAt() + 1);
        if (n - start + 1 < 2 || start < 1) {
            return null;
        }
        int ref = start - 1;
        double level = track.levelAfter(ref);
        double expected = 0;
        double squares = 0;
        long counted = 0;
        int used = 0;
        for (int j = start; j <= n; j++) {
            // A day improbable on its own has alerted on its own: it is not counted again.
            boolean known = j == n || (days.known(j) && !track.outlier(j));
            double factor = profile.factor(days.day(j).getDayOfWeek());
            if (!known || factor < WeekdayProfile.INACTIVE_BELOW) {
                continue;
            }
            double f = level * factor;
            expected += f;
            squares += f * f;
            counted += j == n ? today : days.value(j);
            used++;
        }
        if (used < 2 || !(expected > 0)) {
            return null;
        }
        double a = LevelTrack.smoothing(level);
        double dayNoise = 1 / Math.max(level, 1e-9) + dispersion;
        // A level just re-anchored rests on the few days of its run, not on the smoothing's memory.
        double levelNoise =
                ref - track.anchoredAt() < 7 ? dayNoise / LevelTrack.RE_ANCHOR_AFTER : a / (2 - a) * dayNoise;
        double sumDispersion = (Math.max(0, dispersion - levelNoise) * squares + levelNoise * expected * expected)
                / (expected * expected);
        CountModel model = new CountModel(expected, sumDispersion);
        return new SustainedDrop(used, counted, expected, model.atMost(counted), model, tail, floor);
    }

    /**
     * The lowest sum that would not have alerted. Only an alert's words need it, and a quantile takes a search, so
     * it is computed when asked for, not for every test of every day.
     */
    long lowest() {
        return Math.max(0, Math.min(model.lowest(tail), floor.lowestQuiet(expected)));
    }

    boolean improbable(double tail, Floor floor) {
        return probability < tail && floor.matters(counted, expected);
    }
}
