package io.autowatch.monitor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Typed access to the fields of one JSON object from an annotation: each reader checks the field's JSON type and
 * range, and reports every problem as one error naming the field, so a typo never passes silently.
 */
final class AnnotationFields {

    private final Map<?, ?> map;
    private final Consumer<String> error;

    AnnotationFields(Map<?, ?> map, Consumer<String> error) {
        this.map = map;
        this.error = error;
    }

    /** The field's value as the annotation holds it (null when absent). */
    Object raw(String name) {
        return map.get(name);
    }

    void rejectUnknown(Collection<String> allowed, String what) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                error.accept("unknown field '" + key + "' for " + what
                        + ErrorWording.suggestion(String.valueOf(key), allowed) + "; its fields are " + allowed);
            }
        }
    }

    Optional<String> requiredText(String name) {
        if (!map.containsKey(name)) {
            error.accept("'" + name + "' is required, e.g. \"type\": \"traffic_anomaly\"; known types: "
                    + MonitorType.known());
            return Optional.empty();
        }
        return text(name, 100);
    }

    Optional<String> text(String name, int maxLength) {
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            error.accept("'" + name + "' must be a string, got " + ErrorWording.describe(value));
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            error.accept("'" + name + "' is " + text.length() + " characters long; at most " + maxLength);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    Optional<String> choice(String name, List<String> choices) {
        Optional<String> text = text(name, 100);
        if (text.isPresent() && !choices.contains(text.get())) {
            error.accept("'" + name + "' must be one of " + choices + ", got '" + text.get() + "'");
            return Optional.empty();
        }
        return text;
    }

    Optional<Window> window(String name, Window max) {
        return window(name, Window.M5, max);
    }

    Optional<Window> window(String name, Window min, Window max) {
        Optional<String> text = text(name, 10);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Window> window =
                Window.parse(text.get()).filter(w -> w.minutes() >= min.minutes() && w.minutes() <= max.minutes());
        if (window.isEmpty()) {
            error.accept("'" + name + "' must be one of " + Window.known(min, max) + ", got '" + text.get() + "'");
        }
        return window;
    }

    Optional<Long> wholeNumber(String name, long min, long max) {
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
            return Optional.empty();
        }
        BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : null;
        if (number == null
                || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error.accept("'" + name + "' must be a whole number from " + min + " to " + max + ", got "
                    + ErrorWording.describe(value));
            return Optional.empty();
        }
        return Optional.of(number.longValueExact());
    }

    Optional<Long> requiredWholeNumber(String name, long min, long max) {
        if (!map.containsKey(name)) {
            error.accept("'" + name + "' is required: a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return wholeNumber(name, min, max);
    }

    Optional<BigDecimal> number(String name, BigDecimal min, BigDecimal max, boolean minExclusive) {
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
            return Optional.empty();
        }
        BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : null;
        boolean low = number != null && (minExclusive ? number.compareTo(min) <= 0 : number.compareTo(min) < 0);
        if (number == null || low || number.compareTo(max) > 0) {
            error.accept("'" + name + "' must be a number " + (minExclusive ? "above " : "from ")
                    + min.toPlainString() + (minExclusive ? " and at most " : " to ") + max.toPlainString()
                    + ", got " + ErrorWording.describe(value));
            return Optional.empty();
        }
        return Optional.of(number.stripTrailingZeros());
    }

    Optional<BigDecimal> requiredNumber(String name, BigDecimal min, BigDecimal max, boolean minExclusive) {
        if (!map.containsKey(name)) {
            error.accept("'" + name + "' is required: a number " + (minExclusive ? "above " : "from ")
                    + min.toPlainString() + (minExclusive ? " and at most " : " to ") + max.toPlainString());
            return Optional.empty();
        }
        return number(name, min, max, minExclusive);
    }

    List<String> strings(String name, int max) {
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            error.accept("'" + name + "' must be a list of strings, got " + ErrorWording.describe(value));
            return List.of();
        }
        if (list.size() > max) {
            error.accept("'" + name + "' has " + list.size() + " entries; at most " + max);
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String s) {
                result.add(s);
            } else {
                error.accept("'" + name + "' must hold strings, got " + ErrorWording.describe(item));
            }
        }
        return result;
    }
}
