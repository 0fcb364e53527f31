package io.autowatch.healthcheck.settings;

import java.time.LocalDate;
import java.util.Map;

/**
 * Public-holiday calendars by ISO country and region code ({@code US}, {@code DE-BY}, {@code IN}) (port; the
 * holidays adapter implements it with a maintained library). A job whose settings name one has its holidays as
 * expected-low dates: a drop on them never alerts, a rise still does.
 */
public interface HolidayCalendars {

    /** What a calendar name gives: its public holidays in the range asked for, by date, or why it has none. */
    sealed interface Lookup permits Known, Unknown {}

    /** @param holidays each public holiday in the range, with its name ("Thanksgiving Day") */
    record Known(Map<LocalDate, String> holidays) implements Lookup {
        public Known {
            holidays = Map.copyOf(holidays);
        }
    }

    /** @param reason why the name is not a calendar, for the person who wrote it ("no region 'XX' of DE; …") */
    record Unknown(String reason) implements Lookup {}

    /** The public holidays of {@code calendar} from {@code from} to {@code to}, both included. */
    Lookup holidays(String calendar, LocalDate from, LocalDate to);

    /** No calendars: every name is unknown (a build or test without the holidays adapter). */
    static HolidayCalendars none() {
        return (calendar, from, to) -> new Unknown("no holiday calendars are available here");
    }
}
