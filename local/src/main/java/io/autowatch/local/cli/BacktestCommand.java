package io.autowatch.local.cli;

import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.ZeroAlerts;
import io.autowatch.healthcheck.judge.Backtest;
import io.autowatch.healthcheck.judge.DayJudge;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.local.dashboard.JobHistory;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Judge a job's days over a range as the check would have, with its stored settings or others "
                + "given here: which days would have alerted. The tool for tuning a job. An option left out keeps the "
                + "job's stored setting.")
final class BacktestCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "job id")
    String job;

    @Mixin
    Options.Days days;

    @Option(names = "--policy", description = "classic or adaptive (default: the job's)")
    String policy;

    @Option(names = "--window", description = "classic: non-zero days in the history")
    Integer window;

    @Option(names = "--sigmas", description = "classic: width of the deviation band")
    BigDecimal sigmas;

    @Option(names = "--percent", description = "classic: width of the relative band, in %%")
    BigDecimal percent;

    @Option(names = "--false-alarm-rate", description = "adaptive: share of normal days allowed to alert")
    BigDecimal falseAlarmRate;

    @Option(names = "--min-change", description = "adaptive: fewest counts off before a day alerts")
    Long minChange;

    @Option(names = "--min-change-percent", description = "adaptive: smallest change, in %% of what was expected")
    BigDecimal minChangePercent;

    @Option(names = "--min-history", description = "fewer history days give INSUFFICIENT_HISTORY")
    Integer minHistory;

    @Option(names = "--lookback-days", description = "calendar days searched for history")
    Integer lookbackDays;

    @Option(names = "--zero-alerts", description = "auto, always or never")
    String zeroAlerts;

    @Mixin
    Options.State state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Connection connection = state.connect();
        KnownJobs.require(connection, job);
        LocalDate last = days.last();
        LocalDate first = days.first();
        System.err.printf("Reading %s from %s…%n", job, connection.description());
        JobHistory history = JobHistory.read(
                connection.dynamoDb(),
                connection.countsTable(),
                connection.healthTable(),
                job,
                first,
                last,
                this::settings);
        JobSettings settings = history.settings();
        HealthPolicy chosen = Policies.standard()
                .named(settings.policy())
                .orElseThrow(() -> new IllegalArgumentException("unknown policy '" + settings.policy() + "'; known: "
                        + Policies.standard().names()));
        List<DayJudge.Judged> judged = Backtest.run(history.series(), first, last, settings, chosen);
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(judged, settings));
        out.flush();
        return 0;
    }

    /**
     * Each day's count, status and what was expected, and whether it alerts; then the total and the settings used.
     * A day judged with an expectation (adaptive) shows the expected count and the range that would not have
     * alerted; a classic day shows its mean and the outer edges of its two bands.
     */
    static String table(List<DayJudge.Judged> judged, JobSettings settings) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%-10s %12s  %-21s %12s %12s %12s %s%n",
                "day",
                "count",
                "status",
                "expected",
                "low",
                "high",
                "alert"));
        for (DayJudge.Judged day : judged) {
            var a = day.assessment();
            String expected = "-";
            String low = "-";
            String high = "-";
            if (a.expectation().isPresent()) {
                var e = a.expectation().get();
                expected = amount(e.expected());
                low = String.format(Locale.ROOT, "%,d", e.low());
                high = String.format(Locale.ROOT, "%,d", e.high());
            } else if (a.bands().isPresent()) {
                var b = a.bands().get();
                expected = amount(b.mean());
                low = String.format(Locale.ROOT, "%,.0f", Math.max(0, Math.min(b.sigmaLow(), b.percentLow())));
                high = String.format(Locale.ROOT, "%,.0f", Math.max(b.sigmaHigh(), b.percentHigh()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%-10s %,12d  %-21s %12s %12s %12s %s%n",
                    a.day(),
                    a.count(),
                    a.status(),
                    expected,
                    low,
                    high,
                    day.alerts() ? "ALERT" : ""));
        }
        long alerts = judged.stream().filter(DayJudge.Judged::alerts).count();
        out.append(String.format(
                Locale.ROOT,
                "%n%d of %d days would have alerted (policy %s, %s, min history %d, look-back %d days, zero alerts "
                        + "%s).%n",
                alerts,
                judged.size(),
                settings.policy(),
                policySettings(settings),
                settings.minHistory(),
                settings.lookbackDays(),
                settings.zeroAlerts().wireName()));
        return out.toString();
    }

    /** Whole from 10 on, one decimal below: a job at 0.4 a day is not expected to send "0". */
    private static String amount(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String policySettings(JobSettings s) {
        if (s.policy().equals("classic")) {
            return "window " + s.window() + ", " + s.sigmas().toPlainString() + "σ, "
                    + s.percent().toPlainString() + "%";
        }
        return "false-alarm rate " + s.falseAlarmRate().toPlainString() + ", floor " + s.minChange() + " and "
                + s.minChangePercent().toPlainString() + "%, "
                + s.excludedDates().size() + " excluded and "
                + s.expectedLowDates().size() + " expected-low dates";
    }

    /** The job's stored settings, with this command's options laid over them. */
    private JobSettings settings(JobSettings base) {
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
                falseAlarmRate != null ? falseAlarmRate : base.falseAlarmRate(),
                minChange != null ? minChange : base.minChange(),
                minChangePercent != null ? minChangePercent : base.minChangePercent(),
                base.excludedDates(),
                base.expectedLowDates());
    }
}
