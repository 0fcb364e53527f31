package io.autowatch.monitor;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Words for error messages: what a JSON value is, and which known word a typo was probably meant to be. */
final class ErrorWording {

    private ErrorWording() {}

    static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "\"" + s + "\" (a string)";
            case Boolean b -> b + " (a boolean)";
            case Number n -> n + " (a number)";
            case List<?> l -> "a list";
            case Map<?, ?> m -> "an object";
            default -> value.toString();
        };
    }

    /** {@code ; did you mean 'deviations'?} when a known word is within two edits, else empty. */
    static String suggestion(String typo, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(typo.toLowerCase(Locale.ROOT), k) <= 2)
                .min(Comparator.comparingInt(k -> distance(typo, k)))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
