package io.autowatch.healthcheck.settings;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.JobSettings;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every stored settings override, and how they combine for one job: built-in defaults, then the {@code default}
 * override, then every matching prefix from shortest to longest, then the job's own override.
 */
public record SettingsBook(List<SettingsOverride> overrides, HolidayWindow holidays) {

    public SettingsBook {
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(holidays, "holidays");
    }

    /** The overrides without holiday calendars: a job whose settings name one cannot be resolved. */
    public SettingsBook(List<SettingsOverride> overrides) {
        this(overrides, HolidayWindow.NONE);
    }

    /**
     * These overrides, with the public holidays of the calendars they name ({@code holidays: US}) from {@code from} to
     * {@code to} as expected-low dates of the jobs in their scope.
     */
    public SettingsBook withHolidays(HolidayCalendars calendars, LocalDate from, LocalDate to) {
        return new SettingsBook(overrides, new HolidayWindow(calendars, from, to));
    }

    public static SettingsBook defaultsOnly() {
        return new SettingsBook(List.of());
    }

    /** What settings a job is checked with, or why it cannot be checked. */
    public sealed interface Resolution permits Resolved, Unresolvable {}

    public record Resolved(JobSettings settings) implements Resolution {}

    public record Unresolvable(String reason) implements Resolution {}

    public Resolution resolve(JobId job) {
        List<SettingsOverride> layers = overrides.stream()
                .filter(o -> o.scope().covers(job))
                .sorted(Comparator.comparingInt(o -> o.scope().precedence()))
                .toList();
        if (layers.isEmpty()) {
            return new Resolved(JobSettings.DEFAULTS);
        }
        String sources = layers.stream().map(o -> o.scope().key()).collect(Collectors.joining(", "));
        SettingsOverride merged = layers.getFirst();
        for (SettingsOverride layer : layers.subList(1, layers.size())) {
            merged = layer.layeredOver(merged);
        }
        for (SettingsOverride layer : layers) {
            if (layer.problem().isPresent()) {
                return new Unresolvable("settings override '" + layer.scope().key() + "' is invalid: "
                        + layer.problem().get());
            }
        }
        try {
            JobSettings settings = merged.applyTo(JobSettings.DEFAULTS);
            Optional<String> calendar = merged.holidays();
            if (calendar.isEmpty()) {
                return new Resolved(settings);
            }
            return switch (holidays.lookup(calendar.get())) {
                case HolidayCalendars.Known known ->
                    new Resolved(settings.withExpectedLowDates(known.holidays().keySet()));
                case HolidayCalendars.Unknown unknown ->
                    new Unresolvable("settings for this job (from " + sources + ") name the holiday calendar '"
                            + calendar.get() + "', which cannot be used: " + unknown.reason());
            };
        } catch (IllegalArgumentException e) {
            return new Unresolvable("settings for this job (from " + sources + ") are invalid: " + e.getMessage());
        }
    }

    /** The longest look-back any job can have, so that one read covers every job's history. */
    public int maxLookbackDays() {
        return overrides.stream()
                .flatMap(o -> o.lookbackDays().stream())
                .filter(days -> days <= JobSettings.MAX_LOOKBACK_DAYS)
                .reduce(JobSettings.DEFAULTS.lookbackDays(), Math::max);
    }

    /** Every time zone a job may be in, so that a scheduled run reads every day some job will check. */
    public Set<ZoneId> timeZones() {
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(JobSettings.DEFAULTS.timeZone());
        overrides.forEach(o -> o.timeZone().ifPresent(zones::add));
        return zones;
    }
}
