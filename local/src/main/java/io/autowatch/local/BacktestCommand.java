package io.autowatch.local;

import io.autowatch.aws.dynamodb.DynamoDbCountsReader;
import io.autowatch.aws.dynamodb.DynamoDbSettingsSource;
import io.autowatch.counts.CountSeries;
import io.autowatch.counts.JobId;
import io.autowatch.health.Backtest;
import io.autowatch.health.DayJudge;
import io.autowatch.health.HealthPolicy;
import io.autowatch.health.JobSettings;
import io.autowatch.health.Policies;
import io.autowatch.health.SettingsBook;
import io.autowatch.health.ZeroAlerts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Judge a job's days over a range as the check would have, with its stored settings or others "
                + "given here: which days would have alerted. The tool for tuning a job.")
final class BacktestCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "job id")
    String job;

    @picocli.CommandLine.Mixin
    Options.Days days;

    @Option(names = "--window", description = "non-zero days in the history")
    Integer window;

    @Option(names = "--sigmas", description = "width of the deviation band")
    BigDecimal sigmas;

    @Option(names = "--percent", description = "width of the relative band, in %")
    BigDecimal percent;

    @Option(names = "--min-history", description = "fewer history days give INSUFFICIENT_HISTORY")
    Integer minHistory;

    @Option(names = "--lookback-days", description = "calendar days searched for history")
    Integer lookbackDays;

    @Option(names = "--zero-alerts", description = "auto, always or never")
    String zeroAlerts;

    @Option(names = "--policy", description = "policy name (default: the job's)")
    String policy;

    @picocli.CommandLine.Mixin
    Options.State state;

    @Override
    public Integer call() throws Exception {
        Connection connection = state.connect();
        LocalDate last = days.last();
        LocalDate first = days.first();
        JobSettings settings =
                settings(new DynamoDbSettingsSource(connection.dynamoDb(), connection.healthTable()).load());
        HealthPolicy chosen = Policies.standard()
                .named(settings.policy())
                .orElseThrow(() -> new IllegalArgumentException("unknown policy '" + settings.policy() + "'; known: "
                        + Policies.standard().names()));
        var executor = Executors.newFixedThreadPool(8);
        CountSeries series;
        try {
            System.err.printf("Reading %s from %s…%n", job, connection.description());
            var snapshot = new DynamoDbCountsReader(connection.dynamoDb(), connection.countsTable(), executor)
                    .read(first.minusDays(settings.lookbackDays()), last);
            series = snapshot.series().get(JobId.of(job));
        } finally {
            executor.shutdownNow();
        }
        if (series == null) {
            throw new IllegalArgumentException(
                    "no counts for '" + job + "' between " + first.minusDays(settings.lookbackDays()) + " and " + last);
        }
        List<DayJudge.Judged> judged = Backtest.run(series, first, last, settings, chosen);
        System.out.printf(
                "%-10s %12s  %-21s %12s %12s %12s %s%n", "day", "count", "status", "mean", "low", "high", "alert");
        for (DayJudge.Judged day : judged) {
            var a = day.assessment();
            var b = a.bands();
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %,12d  %-21s %12s %12s %12s %s%n",
                    a.day(),
                    a.count(),
                    a.status(),
                    b.map(x -> String.format(Locale.ROOT, "%,.0f", x.mean())).orElse("-"),
                    b.map(x -> String.format(Locale.ROOT, "%,.0f", Math.max(0, Math.min(x.sigmaLow(), x.percentLow()))))
                            .orElse("-"),
                    b.map(x -> String.format(Locale.ROOT, "%,.0f", Math.max(x.sigmaHigh(), x.percentHigh())))
                            .orElse("-"),
                    day.alerts() ? "ALERT" : "");
        }
        long alerts = judged.stream().filter(DayJudge.Judged::alerts).count();
        System.out.printf(
                "%n%d of %d days would have alerted (policy %s, window %d, %sσ, %s%%, min history %d, "
                        + "look-back %d days, zero alerts %s).%n",
                alerts,
                judged.size(),
                settings.policy(),
                settings.window(),
                settings.sigmas().toPlainString(),
                settings.percent().toPlainString(),
                settings.minHistory(),
                settings.lookbackDays(),
                settings.zeroAlerts().wireName());
        return 0;
    }

    /** The job's stored settings, with this command's options laid over them. */
    private JobSettings settings(SettingsBook book) {
        JobSettings base =
                switch (book.resolve(JobId.of(job))) {
                    case SettingsBook.Resolved r -> r.settings();
                    case SettingsBook.Unresolvable u -> throw new IllegalStateException(u.reason());
                };
        return new JobSettings(
                policy != null ? policy : base.policy(),
                window != null ? window : base.window(),
                sigmas != null ? sigmas : base.sigmas(),
                percent != null ? percent : base.percent(),
                minHistory != null ? minHistory : base.minHistory(),
                zeroAlerts != null ? ZeroAlerts.parse(zeroAlerts) : base.zeroAlerts(),
                base.severity(),
                base.timeZone(),
                lookbackDays != null ? lookbackDays : base.lookbackDays(),
                base.falseAlarmRate(),
                base.minChange(),
                base.minChangePercent(),
                base.excludedDates());
    }
}
