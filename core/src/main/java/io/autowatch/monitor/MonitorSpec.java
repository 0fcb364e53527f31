package io.autowatch.monitor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One validated monitor request from an annotation (or a deployment-wide generic monitor). */
public sealed interface MonitorSpec permits MonitorSpec.TrafficAnomaly, MonitorSpec.LowVolume, MonitorSpec.ErrorRate {

    MonitorType type();

    Common common();

    /** Whether the monitor has a warning level (a warning threshold) besides its alert. */
    default boolean warns() {
        return switch (this) {
            case LowVolume l -> l.warning().isPresent();
            case ErrorRate e -> e.warningPercent().isPresent();
            case TrafficAnomaly a -> false;
        };
    }

    /**
     * Fields every type has.
     *
     * @param priority 1 (highest) to 5
     * @param routing  who is told (the annotation field `notify`), at every level or per level
     * @param tags     extra tags, lower-case {@code key:value}
     * @param message  extra text for the notification
     */
    record Common(int priority, Routing routing, List<String> tags, String message) {
        public Common {
            Objects.requireNonNull(routing, "routing");
            tags = List.copyOf(tags);
            Objects.requireNonNull(message, "message");
        }

        public Common(int priority, List<String> handles, List<String> tags, String message) {
            this(priority, Routing.always(handles), tags, message);
        }

        /** The handles told of everything (the flat {@code notify} list). */
        public List<String> handles() {
            return routing.always();
        }
    }

    /** Datadog's anomaly detection on the record's event count. */
    record TrafficAnomaly(
            String algorithm,
            BigDecimal deviations,
            String direction,
            Window alertWindow,
            String seasonality,
            Common common)
            implements MonitorSpec {
        @Override
        public MonitorType type() {
            return MonitorType.TRAFFIC_ANOMALY;
        }
    }

    /**
     * The event count over a window falls below a threshold.
     *
     * @param warning a higher count below which the monitor warns first, if set
     */
    record LowVolume(long threshold, Optional<Long> warning, Window window, Common common) implements MonitorSpec {
        public LowVolume(long threshold, Window window, Common common) {
            this(threshold, Optional.empty(), window, common);
        }

        @Override
        public MonitorType type() {
            return MonitorType.LOW_VOLUME;
        }
    }

    /**
     * Serialization failures as a percentage of events over a window rise above a threshold.
     *
     * @param warningPercent a lower percentage above which the monitor warns first, if set
     */
    record ErrorRate(BigDecimal percent, Optional<BigDecimal> warningPercent, Window window, Common common)
            implements MonitorSpec {
        public ErrorRate(BigDecimal percent, Window window, Common common) {
            this(percent, Optional.empty(), window, common);
        }

        @Override
        public MonitorType type() {
            return MonitorType.ERROR_RATE;
        }
    }
}
