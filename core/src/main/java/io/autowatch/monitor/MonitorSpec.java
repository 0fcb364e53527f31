package io.autowatch.monitor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** One validated monitor request from an annotation (or a deployment-wide generic monitor). */
public sealed interface MonitorSpec permits MonitorSpec.TrafficAnomaly, MonitorSpec.LowVolume, MonitorSpec.ErrorRate {

    MonitorType type();

    Common common();

    /**
     * Fields every type has.
     *
     * @param priority 1 (highest) to 5
     * @param handles  Datadog handles (the annotation field `notify`), e.g. {@code @slack-cart-alerts}
     * @param tags     extra tags, lower-case {@code key:value}
     * @param message  extra text for the notification
     */
    record Common(int priority, List<String> handles, List<String> tags, String message) {
        public Common {
            handles = List.copyOf(handles);
            tags = List.copyOf(tags);
            Objects.requireNonNull(message, "message");
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

    /** The event count over a window falls below a threshold. */
    record LowVolume(long threshold, Window window, Common common) implements MonitorSpec {
        @Override
        public MonitorType type() {
            return MonitorType.LOW_VOLUME;
        }
    }

    /** Serialization failures as a percentage of events over a window rise above a threshold. */
    record ErrorRate(BigDecimal percent, Window window, Common common) implements MonitorSpec {
        @Override
        public MonitorType type() {
            return MonitorType.ERROR_RATE;
        }
    }
}
