package io.autowatch.schemasync.compat;

import java.util.Locale;
import java.util.Optional;

/**
 * Which readers must be able to read which events after a schema change, as Confluent Schema Registry names the
 * levels. {@code BACKWARD} (the default): consumers on the new schema read events written with the old one, so
 * consumers upgrade first. {@code FORWARD}: consumers still on the old schema read events written with the new one, so
 * producers upgrade first. {@code FULL}: both. {@code NONE}: not checked.
 */
public enum CompatibilityLevel {
    BACKWARD,
    FORWARD,
    FULL,
    NONE;

    public static final CompatibilityLevel DEFAULT = BACKWARD;

    /** Whether readers of the new schema must read old events. */
    public boolean newReadsOld() {
        return this == BACKWARD || this == FULL;
    }

    /** Whether readers of the old schema must read new events. */
    public boolean oldReadsNew() {
        return this == FORWARD || this == FULL;
    }

    /** The level a configuration names (any case), or empty when it names none of the four. */
    public static Optional<CompatibilityLevel> named(String name) {
        for (CompatibilityLevel level : values()) {
            if (level.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
