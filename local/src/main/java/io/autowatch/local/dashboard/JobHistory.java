package io.autowatch.local.dashboard;

import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbSettingsSource;
import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.settings.HolidayCalendars;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.holidays.JollydayCalendars;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One job's settings and counts, read as the check reads them, for judging a range of its days again: the backtest,
 * the comparison of policies (CLI and dashboard), and the demo's summary.
 *
 * @param series the job's counts from (at least) the first day's look-back to the last day
 */
public record JobHistory(JobSettings settings, CountSeries series) {

    /**
     * Reads the job's stored settings (with {@code adjust} laid over them) and its counts from {@code first} minus
     * the look-back to {@code last}; throws {@link IllegalArgumentException} when it has none there.
     */
    public static JobHistory read(
            DynamoDbClient dynamoDb,
            String countsTable,
            String healthTable,
            String job,
            LocalDate first,
            LocalDate last,
            UnaryOperator<JobSettings> adjust) {
        return readAll(dynamoDb, countsTable, healthTable, List.of(job), first, last, adjust)
                .get(job);
    }

    private static final HolidayCalendars CALENDARS = new JollydayCalendars();

    /** {@link #read} for several jobs, with one read of the counts: by job, in the order given. */
    public static Map<String, JobHistory> readAll(
            DynamoDbClient dynamoDb,
            String countsTable,
            String healthTable,
            List<String> jobs,
            LocalDate first,
            LocalDate last,
            UnaryOperator<JobSettings> adjust) {
        // The public holidays a job's settings name, over the days read (the first day's look-back included).
        SettingsBook book = new DynamoDbSettingsSource(dynamoDb, healthTable)
                .load()
                .withHolidays(CALENDARS, first.minusDays(JobSettings.MAX_LOOKBACK_DAYS), last);
        Map<String, JobSettings> settings = new LinkedHashMap<>();
        for (String job : jobs) {
            JobSettings stored =
                    switch (book.resolve(JobId.of(job))) {
                        case SettingsBook.Resolved r -> r.settings();
                        case SettingsBook.Unresolvable u -> throw new IllegalStateException(u.reason());
                    };
            settings.put(job, adjust.apply(stored));
        }
        int lookback = settings.values().stream()
                .mapToInt(JobSettings::lookbackDays)
                .max()
                .orElse(0);
        LocalDate from = first.minusDays(lookback);
        var executor = Executors.newFixedThreadPool(8);
        try {
            // Named jobs: a few are read by their own keys, not the whole table day by day.
            var read = new DynamoDbCountsReader(dynamoDb, countsTable, executor)
                    .read(from, last, jobs.stream().map(JobId::of).collect(Collectors.toSet()))
                    .series();
            Map<String, JobHistory> histories = new LinkedHashMap<>();
            settings.forEach((job, s) -> {
                CountSeries series = read.get(JobId.of(job));
                if (series == null) {
                    throw new IllegalArgumentException("no counts for '" + job + "' between "
                            + first.minusDays(s.lookbackDays()) + " and " + last);
                }
                histories.put(job, new JobHistory(s, series));
            });
            return histories;
        } finally {
            executor.shutdownNow();
        }
    }
}
