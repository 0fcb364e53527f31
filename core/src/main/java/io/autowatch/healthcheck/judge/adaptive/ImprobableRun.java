package io.autowatch.healthcheck.judge.adaptive;

/**
 * A run of improbable days on one side of the level ({@link LevelTrack}): when it is long enough, the level
 * re-anchors to the run's own level. Usual days that still lean the run's way (beyond 1 in 20) lengthen it too: a level
 * that moved keeps some days within reach of the old one.
 */
final class ImprobableRun {

    private int side;
    private int length;
    private double counts;
    private double factors;

    /** +1 above the level, −1 below it, 0 when there is no run. */
    int side() {
        return side;
    }

    int length() {
        return length;
    }

    /** The run's days in level units: their counts over their weekday factors. */
    double level() {
        return counts / factors;
    }

    /**
     * The level a run of {@link LevelTrack#RE_ANCHOR_AFTER} − 1 days would re-anchor to with count {@code x} on the
     * checked day (weekday factor {@code factor}, the job's level {@code now}): a day on the run's side beyond 1 in 20
     * completes it, as in the look-back (a drop to almost nothing never does); NaN when it does not.
     */
    double settlesAt(long x, double factor, double now, double dispersion) {
        double f = now * factor;
        if (length != LevelTrack.RE_ANCHOR_AFTER - 1
                || Integer.signum(Long.compare(x, Math.round(f))) != side
                || !new CountModel(f, dispersion).rarerThan(x, LevelTrack.HOLDS_RUN_BELOW)) {
            return Double.NaN;
        }
        double to = (counts + x) / (factors + factor);
        return side > 0 || to >= LevelTrack.RE_ANCHOR_FLOOR * now ? to : Double.NaN;
    }

    void clear() {
        side = 0;
        length = 0;
        counts = 0;
        factors = 0;
    }

    /** An improbable day on {@code dayside}: a day on the other side starts a new run. */
    void add(int dayside, long count, double factor) {
        if (dayside != side) {
            clear();
            side = dayside;
        }
        length++;
        counts += count;
        factors += factor;
    }

    /** A usual day still leaning the run's way: it counts towards the run's level and its length. */
    void hold(long count, double factor) {
        length++;
        counts += count;
        factors += factor;
    }
}
