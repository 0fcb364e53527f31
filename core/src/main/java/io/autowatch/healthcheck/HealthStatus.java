package io.autowatch.healthcheck;

/** A job's verdict for one day. The names are part of the interface (README, "The health check"): message attributes carry them. */
public enum HealthStatus {
    HEALTHY,
    UNHEALTHY,
    ZERO,
    INSUFFICIENT_HISTORY
}
