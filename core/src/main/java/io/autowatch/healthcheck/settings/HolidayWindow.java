package io.autowatch.healthcheck.settings;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a settings book reads the public holidays that settings name, and for which days: a run's days, a chart's
 * range. Only holidays within it become expected-low dates, so a job's dates stay few.
 */
public record HolidayWindow(HolidayCalendars calendars, LocalDate from, LocalDate to) {

    /** No calendars: a job whose settings name one cannot be resolved, and says why. */
    public static final HolidayWindow NONE =
            new HolidayWindow(HolidayCalendars.none(), LocalDate.EPOCH, LocalDate.EPOCH);

    public HolidayWindow {
        Objects.requireNonNull(calendars, "calendars");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a holiday window must not end before it starts: " + from + " to " + to);
        }
    }

    HolidayCalendars.Lookup lookup(String calendar) {
        return calendars.holidays(calendar, from, to);
    }
}
