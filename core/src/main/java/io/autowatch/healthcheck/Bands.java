package io.autowatch.healthcheck;

/**
 * The statistics a day was judged with: the history's mean and standard deviation and the two bands around the
 * mean. A count inside either band is normal.
 */
public record Bands(
        int historySize,
        double mean,
        double sigma,
        double sigmaLow,
        double sigmaHigh,
        double percentLow,
        double percentHigh) {

    public Bands {
        if (historySize < 1) {
            throw new IllegalArgumentException("bands need at least one day of history");
        }
    }
}
