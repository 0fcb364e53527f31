package io.autowatch.healthcheck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.util.Locale;

/** Numbers as people read them in an alert: "1,180", "about 1.8", "×0.32", "−68%", "about 1 day in 10,000". */
public final class Wording {

    private static final String MINUS = "\u2212";

    /**
     * Spelled out rather than asked of the locale data: alerts are in English whatever the machine's locale, and
     * the first locale lookup costs a cold start some 25 ms.
     */
    private static final String[] WEEKDAYS = {
        "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"
    };

    private Wording() {}

    /**
     * "1,180": what {@code String.format(Locale.ROOT, "%,d", value)} gives, without a formatter. Every verdict
     * writes a dozen counts, and the formatter's parsing was a fifth of a judgement's time.
     */
    public static String count(long value) {
        if (value == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", value);
        }
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            out.append('-');
        }
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** An expected value: whole above 100, one decimal below 10 ("1.8"), two significant digits in between. */
    public static String amount(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The count as a multiple of the expectation, two significant digits: "×0.32", "×2.3", "×15". */
    public static String ratio(long count, double expected) {
        if (!(expected > 0)) {
            return count == 0 ? "×1.0" : "far above nothing";
        }
        double r = count / expected;
        if (r == 0) {
            return "×0";
        }
        return "×" + significant(r, 2);
    }

    /** The change from the expectation in percent: "−68%", "+150%", "+2.5%". */
    public static String change(long count, double expected) {
        if (!(expected > 0)) {
            return count == 0 ? "±0%" : "from nothing";
        }
        double pct = 100 * (count - expected) / expected;
        String digits =
                Math.abs(pct) >= 10 ? String.format(Locale.ROOT, "%.0f", Math.abs(pct)) : significant(Math.abs(pct), 2);
        if (digits.equals("0")) {
            return "±0%";
        }
        return (pct < 0 ? MINUS : "+") + digits + "%";
    }

    /** How rare a probability is, in days: "about 1 day in 10,000"; "a usual day" from 1 in 2 on. */
    public static String rarity(double probability) {
        if (probability >= 0.5) {
            return "a usual day";
        }
        if (probability < 1e-9) {
            return "less than 1 day in a billion";
        }
        double days = 1 / probability;
        long rounded = days < 10
                ? Math.round(days)
                : new BigDecimal(days)
                        .round(new MathContext(1, RoundingMode.HALF_EVEN))
                        .longValue();
        return "about 1 day in " + count(rounded);
    }

    /** "Tuesdays". */
    public static String weekdays(DayOfWeek day) {
        return WEEKDAYS[day.ordinal()];
    }

    private static String significant(double value, int digits) {
        return new BigDecimal(value)
                .round(new MathContext(digits, RoundingMode.HALF_EVEN))
                .stripTrailingZeros()
                .toPlainString();
    }
}
