package io.autowatch.monitor;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The monitor types an annotation may ask for. The title is part of the monitor's identity (its name). */
public enum MonitorType {
    TRAFFIC_ANOMALY("traffic_anomaly", "Traffic Anomaly"),
    LOW_VOLUME("low_volume", "Low Volume"),
    ERROR_RATE("error_rate", "Error Rate");

    private final String wireName;
    private final String title;

    MonitorType(String wireName, String title) {
        this.wireName = wireName;
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public static Optional<MonitorType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(text)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(t -> "'" + t.wireName + "'").collect(Collectors.joining(", "));
    }

    /** The monitor's name for a record: {@code Traffic Anomaly with AddToCartEvent} (README, "Schema sync: setting it up"). */
    public String monitorName(String recordName) {
        return title + " with " + recordName;
    }
}
