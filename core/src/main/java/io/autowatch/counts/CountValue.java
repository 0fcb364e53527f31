package io.autowatch.counts;

import java.math.BigDecimal;

/**
 * Validates a count as stored by a writer. DynamoDB numbers are decimals and any writer can store anything,
 * so the check accepts only whole numbers from 0 to {@link #MAX}; everything else is reported and left out.
 */
public final class CountValue {

    /** Counts above this (10^15) are taken as a writer's bug, not as work done in one day. */
    public static final long MAX = 1_000_000_000_000_000L;

    private CountValue() {}

    /** The outcome of reading one stored value. */
    public sealed interface Parsed permits Valid, Invalid {}

    public record Valid(long count) implements Parsed {}

    public record Invalid(String reason) implements Parsed {}

    /** Parses DynamoDB's decimal text of a Number attribute. */
    public static Parsed parseNumber(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return new Invalid("count is not a number: " + text);
        }
        if (value.signum() < 0) {
            return new Invalid("count is negative: " + text);
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return new Invalid("count is not a whole number: " + text);
        }
        if (value.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            return new Invalid("count is absurdly large (over 10^15): " + text);
        }
        return new Valid(value.longValueExact());
    }
}
