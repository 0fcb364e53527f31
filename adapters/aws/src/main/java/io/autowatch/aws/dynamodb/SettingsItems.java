package io.autowatch.aws.dynamodb;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Severity;
import io.autowatch.healthcheck.ZeroAlerts;
import io.autowatch.healthcheck.settings.Scope;
import io.autowatch.healthcheck.settings.SettingsOverride;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one stored settings override. Its sort key names the scope ({@code default}, {@code prefix:P},
 * {@code job:J}); its attributes are the settings. A typo'd attribute name or a wrong type makes the override
 * unreadable, so that the jobs it covers fail loudly rather than run with settings nobody meant.
 */
public final class SettingsItems {

    /** Fields a settings item may carry; {@code note} is free text for people. */
    public static final Set<String> FIELDS = new TreeSet<>(List.of(
            "policy",
            "window",
            "sigmas",
            "percent",
            "minHistory",
            "zeroAlerts",
            "severity",
            "timeZone",
            "lookbackDays",
            "falseAlarmRate",
            "minChange",
            "minChangePercent",
            "excludedDates",
            "expectedLowDates",
            "holidays",
            "note"));

    /** A value of a DynamoDB type that settings never use. */
    record Unsupported(String type) {}

    private SettingsItems() {}

    /**
     * @throws IllegalArgumentException when the key names no scope; such an item applies to no job, so the caller
     *     logs and skips it
     */
    public static SettingsOverride parse(String key, Map<String, Object> values) {
        Scope scope = scope(key);
        SettingsOverride override = SettingsOverride.empty(scope);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> field : values.entrySet()) {
            try {
                override = apply(override, field.getKey(), field.getValue());
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                problems.add(field.getKey() + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? override : override.withProblem(String.join("; ", problems));
    }

    public static Scope scope(String key) {
        if (key.equals("default")) {
            return new Scope.AllJobs();
        }
        if (key.startsWith("prefix:")) {
            return new Scope.Prefix(key.substring("prefix:".length()));
        }
        if (key.startsWith("job:")) {
            return new Scope.Job(JobId.of(key.substring("job:".length())));
        }
        throw new IllegalArgumentException(
                "settings key '" + key + "' must be 'default', 'prefix:<job id prefix>' " + "or 'job:<job id>'");
    }

    private static SettingsOverride apply(SettingsOverride o, String name, Object value) {
        return switch (name) {
            case "policy" -> o.withPolicy(text(value));
            case "window" -> o.withWindow(whole(value));
            case "sigmas" -> o.withSigmas(number(value));
            case "percent" -> o.withPercent(number(value));
            case "minHistory" -> o.withMinHistory(whole(value));
            case "zeroAlerts" -> o.withZeroAlerts(ZeroAlerts.parse(text(value)));
            case "severity" -> o.withSeverity(Severity.parse(text(value)));
            case "timeZone" -> o.withTimeZone(ZoneId.of(text(value)));
            case "lookbackDays" -> o.withLookbackDays(whole(value));
            case "falseAlarmRate" -> o.withFalseAlarmRate(number(value));
            case "minChange" -> o.withMinChange(number(value).longValueExact());
            case "minChangePercent" -> o.withMinChangePercent(number(value));
            case "excludedDates" -> o.withExcludedDates(dates(value));
            case "expectedLowDates" -> o.withExpectedLowDates(dates(value));
            case "holidays" -> o.withHolidays(calendar(value));
            case "note" -> o;
            default -> throw new IllegalArgumentException("unknown setting; known settings: " + FIELDS);
        };
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("must be a String, not " + describe(value));
    }

    /** A public-holiday calendar's name: a country code, optionally with a region ({@code US}, {@code DE-BY}). */
    private static String calendar(Object value) {
        String name = text(value).strip();
        if (!name.matches("[A-Za-z]{2}(-[A-Za-z0-9]{1,4})?")) {
            throw new IllegalArgumentException(
                    "must name a public-holiday calendar by country code, optionally with a region (US, DE-BY, IN), not '"
                            + name + "'");
        }
        return name;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal n) {
            return n;
        }
        throw new IllegalArgumentException("must be a Number, not " + describe(value));
    }

    /**
     * A list or set of {@code YYYY-MM-DD} strings, or one String of them separated by commas or spaces (easiest to
     * type in the AWS CLI).
     */
    private static Set<LocalDate> dates(Object value) {
        List<?> texts =
                switch (value) {
                    case String s -> List.of(s.split("[,\\s]+"));
                    case List<?> list -> list;
                    default ->
                        throw new IllegalArgumentException(
                                "must be a list of YYYY-MM-DD strings, not " + describe(value));
                };
        Set<LocalDate> days = new TreeSet<>();
        for (Object text : texts) {
            if (!(text instanceof String s)) {
                throw new IllegalArgumentException("must hold YYYY-MM-DD strings, not " + describe(text));
            }
            if (s.isBlank()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(s.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + s + "' is not a YYYY-MM-DD date", e);
            }
        }
        return days;
    }

    private static int whole(Object value) {
        return number(value).intValueExact();
    }

    private static String describe(Object value) {
        return switch (value) {
            case String s -> "a String ('" + s + "')";
            case Boolean b -> "a Boolean";
            case Unsupported u -> "type " + u.type();
            default -> value.getClass().getSimpleName();
        };
    }
}
