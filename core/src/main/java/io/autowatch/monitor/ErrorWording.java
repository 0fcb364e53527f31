package io.autowatch.monitor;

import io.autowatch.text.NearestWords;
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
        return NearestWords.distance(a, b);
    }
}
