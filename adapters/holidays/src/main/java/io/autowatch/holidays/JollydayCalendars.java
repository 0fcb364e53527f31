package io.autowatch.holidays;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.autowatch.healthcheck.settings.HolidayCalendars;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public-holiday calendars from jollyday, the maintained holiday library: a name is an ISO 3166-1 country code
 * ({@code US}), optionally with a region as jollyday names its subdivisions ({@code DE-BY}, {@code US-NY}). Only
 * public holidays count, on the day the calendar gives (its observed day, where it defines one). Each
 * country's definitions are read once per execution environment, when a job first names it.
 */
public final class JollydayCalendars implements HolidayCalendars {

    private static final Pattern NAME = Pattern.compile("([A-Za-z]{2})(?:-([A-Za-z0-9]{1,4}))?");

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();

    /** A run resolves every job's settings over the same days: each calendar is read once for them, not per job. */
    private final Map<Request, Lookup> lookups = new ConcurrentHashMap<>();

    private static final int MAX_LOOKUPS = 256;

    private record Request(String calendar, LocalDate from, LocalDate to) {}

    @Override
    public Lookup holidays(String calendar, LocalDate from, LocalDate to) {
        Request request = new Request(calendar.strip().toUpperCase(Locale.ROOT), from, to);
        Lookup known = lookups.get(request);
        if (known != null) {
            return known;
        }
        if (lookups.size() >= MAX_LOOKUPS) {
            lookups.clear(); // the local runtime's charts ask for many ranges; a run asks for one
        }
        Lookup lookup = read(calendar, from, to);
        lookups.put(request, lookup);
        return lookup;
    }

    private Lookup read(String calendar, LocalDate from, LocalDate to) {
        Matcher name = NAME.matcher(calendar.strip());
        if (!name.matches()) {
            return new Unknown("a holiday calendar is a country code, optionally with a region: US, DE-BY, IN");
        }
        String country = name.group(1).toUpperCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
            return new Unknown("no calendar for the country '" + name.group(1) + "'; known: "
                    + String.join(", ", upper(HolidayManager.getSupportedCalendarCodes())));
        }
        HolidayManager manager =
                managers.computeIfAbsent(country, code -> HolidayManager.getInstance(ManagerParameters.create(code)));
        String[] region = name.group(2) == null
                ? new String[0]
                : new String[] {name.group(2).toLowerCase(Locale.ROOT)};
        if (region.length == 1 && !manager.getCalendarHierarchy().getChildren().containsKey(region[0])) {
            return new Unknown("no region '" + name.group(2) + "' in " + country.toUpperCase(Locale.ROOT)
                    + "'s calendar;" + " known: "
                    + String.join(
                            ", ",
                            upper(manager.getCalendarHierarchy().getChildren().keySet())));
        }
        Map<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : manager.getHolidays(from, to, HolidayType.PUBLIC_HOLIDAY, region)) {
            LocalDate taken = holiday.getActualDate();
            if (!taken.isBefore(from) && !taken.isAfter(to)) {
                days.merge(taken, holiday.getDescription(Locale.ENGLISH), (a, b) -> a + ", " + b);
            }
        }
        return new Known(days);
    }

    private static List<String> upper(Set<String> codes) {
        return new TreeSet<>(codes)
                .stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
    }
}
