package io.autowatch.local.runtime;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The local stand-in for the EventBridge schedule: the scheduled health check, once a day at a UTC time. */
final class DailySchedule implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("schedule").factory());

    DailySchedule(LocalRuntime runtime, LocalTime at, Clock clock, PrintStream out) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        ZonedDateTime next = now.with(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        executor.scheduleAtFixedRate(
                () -> {
                    try {
                        out.println("Scheduled health check: " + runtime.scheduledRun());
                    } catch (Exception e) {
                        out.println("Scheduled health check failed: " + e);
                    }
                },
                Duration.between(now, next).toSeconds(),
                TimeUnit.DAYS.toSeconds(1),
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
