package io.autowatch.benchmarks;

import io.autowatch.healthcheck.HealthPolicy;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.judge.Policies;
import io.autowatch.healthcheck.settings.HolidayCalendars;
import io.autowatch.healthcheck.settings.Scope;
import io.autowatch.healthcheck.settings.SettingsBook;
import io.autowatch.healthcheck.settings.SettingsOverride;
import io.autowatch.holidays.JollydayCalendars;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code scripts/policy-bench [--seed N] [--jobs N] [--days N] [--policies a,b]}: generates labelled jobs and
 * prints, per policy, a markdown table of scores per volume tier and pooled; {@code --labelled FILE.csv} scores real
 * series with known events instead ({@link LabelledSeries}). Each policy judges with the default
 * settings, plus the deployment's holidays as excluded dates in a {@code default} override (classic ignores them).
 */
public final class PolicyBench {

    /** The public-holiday calendars that {@code --calendar} and {@code --holidays calendar} read. */
    private static final HolidayCalendars CALENDARS = new JollydayCalendars();

    private PolicyBench() {}

    public static void main(String[] args) throws IOException {
        long seed = 1;
        int jobs = 300;
        int days = 365;
        List<String> names = List.of("classic", "adaptive");
        int explain = 0;
        String dump = null;
        String holidays = "excluded";
        String labelled = null;
        int history = 28;
        int skipping = 120;
        String country = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--jobs" -> jobs = Integer.parseInt(required(args[i], value));
                case "--days" -> days = Integer.parseInt(required(args[i], value));
                case "--policies" -> names = List.of(required(args[i], value).split(","));
                case "--explain" -> explain = Integer.parseInt(required(args[i], value));
                case "--dump" -> dump = required(args[i], value);
                case "--holidays" -> holidays = required(args[i], value);
                case "--labelled" -> labelled = required(args[i], value);
                case "--history" -> history = Integer.parseInt(required(args[i], value));
                case "--skipping" -> skipping = Integer.parseInt(required(args[i], value));
                case "--calendar" -> country = required(args[i], value);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; use --seed N, --jobs N, --days N, --policies a,b, "
                                    + "--holidays excluded|expected-low|none|calendar, --calendar CC, --skipping N, "
                                    + "or --labelled FILE.csv [--history N]");
            }
            i++;
        }
        if (labelled != null) {
            scoreLabelled(Path.of(labelled), history, names, explain);
            return;
        }
        long started = System.nanoTime();
        LocalDate lastDay = Generator.FIRST_DAY.plusDays(days - 1L);
        Optional<Set<LocalDate>> countryHolidays = Optional.ofNullable(country)
                .map(c -> switch (CALENDARS.holidays(c, Generator.FIRST_DAY, lastDay)) {
                    case HolidayCalendars.Known known -> known.holidays().keySet();
                    case HolidayCalendars.Unknown unknown ->
                        throw new IllegalArgumentException("--calendar: " + unknown.reason());
                });
        Generator generator = new Generator(seed, jobs, days);
        countryHolidays.ifPresent(generator::withHolidays);
        List<LabelledJob> generated = generator.jobs();
        // The deployment's calendar, as its default item would hold it: the holidays excluded (the default), marked
        // expected-low, or not told to the policy at all.
        SettingsOverride calendar =
                switch (holidays) {
                    case "excluded" ->
                        SettingsOverride.empty(new Scope.AllJobs()).withExcludedDates(generator.holidayDates());
                    case "expected-low" ->
                        SettingsOverride.empty(new Scope.AllJobs()).withExpectedLowDates(generator.holidayDates());
                    case "none" -> SettingsOverride.empty(new Scope.AllJobs());
                    case "calendar" ->
                        SettingsOverride.empty(new Scope.AllJobs())
                                .withHolidays(Optional.ofNullable(country)
                                        .orElseThrow(() -> new IllegalArgumentException(
                                                "--holidays calendar needs --calendar CC")));
                    default ->
                        throw new IllegalArgumentException(
                                "--holidays is excluded, expected-low, none or calendar, not " + holidays);
                };
        SettingsBook book = new SettingsBook(List.of(calendar)).withHolidays(CALENDARS, Generator.FIRST_DAY, lastDay);
        Set<LocalDate> holidayDates = generator.holidayDates();
        System.out.printf(
                Locale.ROOT,
                "# Policy benchmark: seed %d, %d jobs × %d days (first %d days are history only), %d holidays (%s)%n%n",
                seed,
                jobs,
                days,
                Generator.WARM_UP,
                generator.holidayDates().size(),
                holidays);
        System.out.println(Report.summary(generated));
        if (dump != null) {
            List<LabelledJob> all = new ArrayList<>(generated);
            all.addAll(new Generator(seed, skipping, days, true).jobs());
            for (LabelledJob job : all) {
                if (job.id().value().equals(dump)) {
                    for (int d = 0; d < days; d++) {
                        System.out.println(Generator.FIRST_DAY.plusDays(d) + " "
                                + Generator.FIRST_DAY.plusDays(d).getDayOfWeek() + " " + job.counts()[d]
                                + (job.benign()[d] ? " benign" : "") + (job.ramp()[d] ? " ramp" : ""));
                    }
                    job.incidents().forEach(x -> System.out.println(x + " " + Generator.FIRST_DAY.plusDays(x.start())));
                }
            }
            return;
        }
        for (String name : names) {
            scoreAndPrint(name, generated, book, Generator.WARM_UP, explain, holidayDates);
        }
        if (skipping > 0) {
            Generator skippingJobs = new Generator(seed, skipping, days, true);
            countryHolidays.ifPresent(skippingJobs::withHolidays);
            List<LabelledJob> skippers = skippingJobs.jobs();
            System.out.printf(
                    Locale.ROOT,
                    "# Jobs that skip days at random: %d jobs, each idle on 10–50%% of its days (no item written),"
                            + " not by weekday%n%n",
                    skipping);
            System.out.println(Report.summary(skippers));
            for (String name : names) {
                scoreAndPrint(name, skippers, book, Generator.WARM_UP, explain, holidayDates);
            }
        }
        System.out.printf(Locale.ROOT, "Total time %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * Scores each policy on real series with known events ({@link LabelledSeries}): each job's first {@code history}
     * days are history only, the rest are judged as the live check would judge them.
     */
    private static void scoreLabelled(Path file, int history, List<String> names, int explain) throws IOException {
        if (history < 1 || history > LabelledSeries.MAX_DAYS) {
            throw new IllegalArgumentException(
                    "--history is from 1 to " + LabelledSeries.MAX_DAYS + " days, not " + history);
        }
        LabelledSeries.Read read = LabelledSeries.read(file);
        SettingsBook book = new SettingsBook(read.calendar());
        List<LabelledJob> jobs = new ArrayList<>();
        int inHistory = 0;
        for (LabelledJob labelled : read.jobs()) {
            LabelledJob job = labelled.judgedFrom(history);
            inHistory += labelled.incidents().size() - job.incidents().size();
            if (book.resolve(job.id()) instanceof SettingsBook.Unresolvable u) {
                throw new IllegalArgumentException(job.id() + ": its settings are invalid: " + u.reason());
            }
            if (job.counts().length <= history) {
                System.out.printf(
                        Locale.ROOT,
                        "Left out %s: %d days, none after the %d days of history.%n",
                        job.id(),
                        job.counts().length,
                        history);
            } else {
                jobs.add(job);
            }
        }
        int events = jobs.stream().mapToInt(j -> j.incidents().size()).sum();
        if (inHistory > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "Left out %d known events over within the first %d days (history only).%n",
                    inHistory,
                    history);
        }
        System.out.printf(
                Locale.ROOT,
                "# Labelled series: %s, %d jobs, %d known events (the first %d days of each job are history only)%n%n",
                file.getFileName(),
                jobs.size(),
                events,
                history);
        Map<String, Score> pooledByPolicy = new LinkedHashMap<>();
        for (String name : names) {
            pooledByPolicy.put(name, scoreAndPrint(name, jobs, book, history, explain, Set.of()));
        }
        pooledByPolicy.forEach((name, s) -> System.out.printf(
                Locale.ROOT,
                "%s: caught %d of %d known events; %d false episodes (%.2f per 100 normal days).%n",
                name,
                s.detected,
                s.incidents,
                s.falseEpisodes,
                s.falseEpisodesPer100()));
    }

    /**
     * Scores policy {@code name} on {@code jobs}, each judged from its day {@code firstJudged} to its last, and prints
     * its table by tier and {@code explain} examples; returns the pooled score.
     */
    private static Score scoreAndPrint(
            String name,
            List<LabelledJob> jobs,
            SettingsBook book,
            int firstJudged,
            int explain,
            Set<LocalDate> holidays) {
        HealthPolicy policy = Policies.standard()
                .named(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown policy " + name));
        Map<Tier, Score> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            byTier.put(tier, new Score());
        }
        for (LabelledJob job : jobs) {
            JobSettings settings =
                    ((SettingsBook.Resolved) book.resolve(job.id())).settings().withPolicy(name);
            byTier.get(job.tier()).add(Scorer.score(job, settings, policy, firstJudged, job.counts().length, holidays));
        }
        Score pooled = new Score();
        byTier.values().forEach(pooled::add);
        System.out.println(Report.table(name, byTier, pooled));
        System.out.println(Report.kinds(pooled));
        pooled.examples.stream().limit(explain).forEach(System.out::println);
        return pooled;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
