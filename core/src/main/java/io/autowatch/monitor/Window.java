package io.autowatch.monitor;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The time windows monitors may use, as written in annotations ({@code 15m}) and in Datadog ({@code last_15m}). */
public enum Window {
    M5("5m", 5),
    M10("10m", 10),
    M15("15m", 15),
    M30("30m", 30),
    H1("1h", 60),
    H2("2h", 120),
    H4("4h", 240),
    H12("12h", 720),
    D1("1d", 1440);

    private final String text;
    private final int minutes;

    Window(String text, int minutes) {
        this.text = text;
        this.minutes = minutes;
    }

    public String text() {
        return text;
    }

    public int minutes() {
        return minutes;
    }

    /** Datadog's spelling: {@code last_15m}. */
    public String datadog() {
        return "last_" + text;
    }

    public static Optional<Window> parse(String text) {
        return Arrays.stream(values()).filter(w -> w.text.equals(text)).findFirst();
    }

    public static String known(Window max) {
        return known(M5, max);
    }

    public static String known(Window min, Window max) {
        return Arrays.stream(values())
                .filter(w -> w.minutes >= min.minutes && w.minutes <= max.minutes)
                .map(w -> "'" + w.text + "'")
                .collect(Collectors.joining(", "));
    }
}
