package io.autowatch.benchmarks;

import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.settings.Scope;
import io.autowatch.healthcheck.settings.SettingsOverride;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Real daily series with known events, from a CSV file: {@code job,day,count,label}, a header line first. Each row is
 * a day a job wrote its count; a day with no row is a day it wrote nothing. {@code label} is empty for a normal day,
 * {@code incident} for a day of a known event a policy should alert on (consecutive ones are one event),
 * {@code benign} for an unusual day it should stay quiet on, and {@code excluded} for a benign day the deployment's
 * calendar names (the policy is told, as a per-job excluded date). A row may leave {@code count} empty to label a day
 * the job wrote nothing.
 *
 * <p>The file is checked whole before anything is scored; the first problem is reported with its line.
 */
final class LabelledSeries {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_JOBS = 10_000;
    /** Ten years of days per job. */
    static final int MAX_DAYS = 3_660;

    /** The jobs, in the file's order, and the calendar their {@code excluded} days make. */
    record Read(List<LabelledJob> jobs, List<SettingsOverride> calendar) {}

    private enum Label {
        NORMAL,
        INCIDENT,
        BENIGN,
        EXCLUDED
    }

    private record Day(long count, Label label) {}

    private LabelledSeries() {}

    static Read read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        Map<JobId, TreeMap<LocalDate, Day>> byJob = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            readRows(file, in, byJob);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text (save it as CSV UTF-8)", e);
        }
        if (byJob.isEmpty()) {
            throw new IllegalArgumentException(file + ": no rows after the header");
        }
        List<LabelledJob> jobs = new ArrayList<>();
        List<SettingsOverride> calendar = new ArrayList<>();
        byJob.forEach((job, days) -> {
            jobs.add(job(job, days));
            TreeSet<LocalDate> excluded = new TreeSet<>();
            days.forEach((day, d) -> {
                if (d.label() == Label.EXCLUDED) {
                    excluded.add(day);
                }
            });
            if (excluded.size() > JobSettings.MAX_EXCLUDED_DATES) {
                throw new IllegalArgumentException(file + ": " + job + " has " + excluded.size()
                        + " excluded days; a job's settings hold at most " + JobSettings.MAX_EXCLUDED_DATES);
            }
            if (!excluded.isEmpty()) {
                calendar.add(SettingsOverride.empty(new Scope.Job(job)).withExcludedDates(excluded));
            }
        });
        return new Read(jobs, calendar);
    }

    private static void readRows(Path file, BufferedReader in, Map<JobId, TreeMap<LocalDate, Day>> byJob)
            throws IOException {
        String header = in.readLine();
        // A spreadsheet's export may start with a byte-order mark.
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || !header.strip().replace(" ", "").equals("job,day,count,label")) {
            throw new IllegalArgumentException(file + ":1: the first line must be the header job,day,count,label");
        }
        int number = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                row(line, byJob);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
            }
        }
    }

    private static void row(String line, Map<JobId, TreeMap<LocalDate, Day>> byJob) {
        String[] fields = line.split(",", -1);
        if (fields.length < 3 || fields.length > 4) {
            throw new IllegalArgumentException("expected job,day,count,label (3 or 4 fields), found " + fields.length
                    + " fields (fields are not quoted here, so a job id may not hold a comma)");
        }
        JobId job = JobId.of(fields[0].strip());
        LocalDate day;
        try {
            day = LocalDate.parse(fields[1].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("day '" + fields[1].strip() + "' is not YYYY-MM-DD", e);
        }
        String countText = fields[2].strip();
        long count;
        if (countText.isEmpty()) {
            count = -1;
        } else {
            try {
                count = Long.parseLong(countText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("count '" + countText + "' is not a whole number", e);
            }
            if (count < 0) {
                throw new IllegalArgumentException("count " + count + " is negative");
            }
        }
        Label label = label(fields.length == 4 ? fields[3].strip() : "");
        if (count < 0 && label == Label.NORMAL) {
            throw new IllegalArgumentException("a row with no count must have a label (leave the day out instead)");
        }
        TreeMap<LocalDate, Day> days = byJob.get(job);
        if (days == null) {
            if (byJob.size() == MAX_JOBS) {
                throw new IllegalArgumentException("more than " + MAX_JOBS + " jobs");
            }
            days = new TreeMap<>();
            byJob.put(job, days);
        }
        if (days.put(day, new Day(count, label)) != null) {
            throw new IllegalArgumentException(job + " has " + day + " twice");
        }
        if (ChronoUnit.DAYS.between(days.firstKey(), days.lastKey()) >= MAX_DAYS) {
            throw new IllegalArgumentException(job + " spans more than " + MAX_DAYS + " days");
        }
    }

    private static Label label(String text) {
        return switch (text) {
            case "" -> Label.NORMAL;
            case "incident" -> Label.INCIDENT;
            case "benign" -> Label.BENIGN;
            case "excluded" -> Label.EXCLUDED;
            default ->
                throw new IllegalArgumentException(
                        "label '" + text + "' is none of: (empty), incident, benign, excluded");
        };
    }

    private static LabelledJob job(JobId id, TreeMap<LocalDate, Day> days) {
        LocalDate first = days.firstKey();
        int length = (int) ChronoUnit.DAYS.between(first, days.lastKey()) + 1;
        long[] counts = new long[length];
        Arrays.fill(counts, -1);
        boolean[] benign = new boolean[length];
        boolean[] incidentDay = new boolean[length];
        CountSeries series = CountSeries.covering(first, length);
        days.forEach((day, d) -> {
            int i = (int) ChronoUnit.DAYS.between(first, day);
            counts[i] = d.count();
            if (d.count() >= 0) {
                series.put(day, d.count());
            }
            benign[i] = d.label() == Label.BENIGN || d.label() == Label.EXCLUDED;
            incidentDay[i] = d.label() == Label.INCIDENT;
        });
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            if (incidentDay[i] && (i == 0 || !incidentDay[i - 1])) {
                int end = i;
                while (end + 1 < length && incidentDay[end + 1]) {
                    end++;
                }
                // A known event is held against every policy's recall: it is what the series' owner wants caught.
                incidents.add(new Incident(Incident.Kind.KNOWN_EVENT, i, end, true));
            }
        }
        return new LabelledJob(
                id,
                tier(counts, incidentDay),
                first,
                series,
                counts,
                new boolean[length],
                benign,
                incidents,
                List.of());
    }

    /** The tier of the job's median count on its normal days, by the generator's bounds. */
    static Tier tier(long[] counts, boolean[] incidentDay) {
        long[] normal = new long[counts.length];
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] >= 0 && !incidentDay[i]) {
                normal[n++] = counts[i];
            }
        }
        if (n == 0) {
            return Tier.VERY_LOW;
        }
        Arrays.sort(normal, 0, n);
        double median = normal[n / 2];
        return median >= Tier.HIGH.low
                ? Tier.HIGH
                : median >= Tier.MID.low ? Tier.MID : median >= 5 ? Tier.LOW : Tier.VERY_LOW;
    }
}
