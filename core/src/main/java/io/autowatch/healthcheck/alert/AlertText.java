package io.autowatch.healthcheck.alert;

import io.autowatch.counts.DayCount;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.Bands;
import io.autowatch.healthcheck.Expectation;
import io.autowatch.healthcheck.JobSettings;
import io.autowatch.healthcheck.Wording;
import io.autowatch.healthcheck.alert.Notification.Alert;
import io.autowatch.healthcheck.alert.Notification.Recovery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words of a notification, shared by every channel so that Slack and PagerDuty tell the same story. */
public final class AlertText {

    private AlertText() {}

    public static String title(Notification notification) {
        return switch (notification) {
            case Alert a -> a.status() + ": " + a.job() + " on " + a.day();
            case Recovery r -> "RECOVERED: " + r.job() + " is healthy again on " + r.day();
        };
    }

    /** One sentence: what happened, with the count and the expected range. */
    public static String summary(Notification notification) {
        Assessment a = notification.assessment();
        if (a.expectation().isPresent()) {
            // The policy explained the day itself, in one sentence that names the expected range.
            String why = a.expectation().get().explanation();
            return switch (notification) {
                case Alert alert -> alert.job() + " on " + a.day() + ": " + why;
                case Recovery r ->
                    r.job() + " on " + a.day() + ": " + why + " It alerted last on "
                            + r.incident().lastAlertDay() + ".";
            };
        }
        String expected = a.bands().map(b -> expectedRange(a)).orElse("no expected range yet");
        String off = a.bands()
                .map(b -> ": " + Wording.change(a.count(), b.mean()) + " (" + Wording.ratio(a.count(), b.mean()) + ")")
                .orElse("");
        return switch (notification) {
            case Alert alert ->
                switch (alert.status()) {
                    case ZERO -> alert.job() + " counted nothing on " + a.day() + " (" + expected + ").";
                    default ->
                        alert.job() + " counted " + number(a.count()) + " on " + a.day() + ", " + direction(a)
                                + " the expected range (" + expected + ")" + off + ".";
                };
            case Recovery r ->
                r.job() + " counted " + number(a.count()) + " on " + a.day()
                        + ", within the expected range (" + expected + "); it alerted last on "
                        + r.incident().lastAlertDay() + ".";
        };
    }

    /** The numbers an on-call person needs, one per line. */
    public static List<String> details(Notification notification) {
        Assessment a = notification.assessment();
        List<String> lines = new ArrayList<>();
        lines.add("Count on " + a.day() + ": " + number(a.count()));
        if (a.expectation().isPresent()) {
            Expectation e = a.expectation().get();
            lines.add("Expected: " + Wording.amount(e.expected()) + " (" + number(e.low()) + " to " + number(e.high())
                    + " without an alert)" + (e.lowConfidence() ? ", low confidence: short history" : ""));
            lines.add("Based on: " + e.basis());
            lines.add("History (" + a.history().size() + " days, newest first): " + history(a.history()));
            lines.add(policyLine(notification));
            return lines;
        }
        a.bands().ifPresent(b -> {
            lines.add("Mean of history: " + Wording.amount(b.mean()) + ", σ: " + decimal(b.sigma()) + "; this day "
                    + Wording.change(a.count(), b.mean()) + ", " + Wording.ratio(a.count(), b.mean()));
            lines.add("Deviation band (μ ± kσ): " + decimal(b.sigmaLow()) + " to " + decimal(b.sigmaHigh()));
            lines.add("Relative band (μ ± p%): " + decimal(b.percentLow()) + " to " + decimal(b.percentHigh()));
        });
        lines.add("History (" + a.history().size() + " non-zero days, newest first): " + history(a.history()));
        lines.add(policyLine(notification));
        return lines;
    }

    /**
     * The policy that judged the day, with an alert's settings of that policy: {@code classic}'s window and bands,
     * {@code adaptive}'s false-alarm rate and floor (another policy's name alone). By the name, not by what the
     * assessment carries: an {@code adaptive} day with too little history has no expectation, and is still adaptive's.
     */
    private static String policyLine(Notification notification) {
        String policy = notification.assessment().policy();
        if (!(notification instanceof Alert alert)) {
            return "Policy: " + policy;
        }
        JobSettings s = alert.settings();
        String severity = "severity " + s.severity().wireName();
        return switch (policy) {
            case "classic" ->
                "Policy: classic (window " + s.window() + ", " + s.sigmas().toPlainString() + "σ, "
                        + s.percent().toPlainString() + "%, " + severity + ")";
            case "adaptive" ->
                "Policy: adaptive (false-alarm rate " + s.falseAlarmRate().toPlainString() + " per day, floor "
                        + s.minChange() + " and " + s.minChangePercent().toPlainString() + "%, " + severity + ")";
            default -> "Policy: " + policy + " (" + severity + ")";
        };
    }

    /** What to look at first. */
    public static List<String> nextSteps(Notification notification) {
        String day = notification.day().toString();
        return switch (notification) {
            case Recovery r ->
                List.of("Nothing to do: the incident opened on " + r.incident().openedDay()
                        + " is resolved by this notice.");
            case Alert a ->
                switch (a.status()) {
                    case ZERO ->
                        List.of(
                                "Check that the job ran on " + day + " (scheduler, deployment, permissions).",
                                "Check that it still writes its count: UpdateItem on the counts table with job '"
                                        + a.job() + "' and day '" + day + "'.",
                                "If zero days are normal for this job, set zeroAlerts to 'never' in its settings.");
                    default ->
                        a.assessment()
                                        .bands()
                                        .filter(b -> a.assessment().count() > b.mean())
                                        .isPresent()
                                ? List.of(
                                        "Look for work done twice on " + day
                                                + ": a job run twice, retries that re-sent, duplicate input.",
                                        "Check whether the growth is real (a campaign, a new market); "
                                                + (a.assessment().expectation().isPresent()
                                                        ? "adaptive follows a lasting change of level by itself, "
                                                                + "usually within a week."
                                                        : "the history adapts within "
                                                                + a.settings().window() + " days."))
                                : List.of(
                                        "Look for a partial failure on " + day
                                                + ": failed tasks, missing input, throttling, a deploy.",
                                        "Compare with the job's own logs for " + day + ".");
                };
        };
    }

    private static String direction(Assessment a) {
        return a.bands().filter(b -> a.count() > b.mean()).isPresent() ? "above" : "below";
    }

    /** "expected 0 to 7 around 1.8": the whole counts that would not have alerted, never below zero. */
    private static String expectedRange(Assessment a) {
        Bands b = a.bands().orElseThrow();
        return "expected " + number(quietLow(a)) + " to " + number(quietHigh(a)) + " around a mean of "
                + Wording.amount(b.mean());
    }

    /** The lowest whole count that would not have alerted (0 at least), by the policy that judged the day. */
    public static long quietLow(Assessment a) {
        if (a.expectation().isPresent()) {
            return a.expectation().get().low();
        }
        return a.bands()
                .map(b -> (long) Math.max(0, Math.ceil(Math.min(b.sigmaLow(), b.percentLow()))))
                .orElse(0L);
    }

    /** The highest whole count that would not have alerted. */
    public static long quietHigh(Assessment a) {
        if (a.expectation().isPresent()) {
            return a.expectation().get().high();
        }
        return a.bands()
                .map(b -> (long) Math.max(0, Math.floor(Math.max(b.sigmaHigh(), b.percentHigh()))))
                .orElse(Long.MAX_VALUE);
    }

    /** At most {@code max} characters: a longer text ends in "…" at the limit (the channels' hard caps). */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Sentences joined with one space, each ending in exactly one full stop: "Title. Step one. Step two." */
    public static String sentences(String first, List<String> more) {
        StringBuilder out = new StringBuilder(sentence(first));
        for (String s : more) {
            out.append(' ').append(sentence(s));
        }
        return out.toString();
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /**
     * The history, newest first, compactly: the newest {@value #HISTORY_SHOWN} counts with their dates, then the
     * range of the rest ("11-19 1,180 · 11-18 1,210 · … 7 more, 1,100 to 1,300").
     */
    private static String history(List<DayCount> history) {
        if (history.isEmpty()) {
            return "none";
        }
        String shown = history.stream()
                .limit(HISTORY_SHOWN)
                .map(d -> d.day().toString().substring(5) + " " + number(d.count()))
                .collect(Collectors.joining(" · "));
        if (history.size() <= HISTORY_SHOWN) {
            return shown;
        }
        List<DayCount> rest = history.subList(HISTORY_SHOWN, history.size());
        long min = rest.stream().mapToLong(DayCount::count).min().orElse(0);
        long max = rest.stream().mapToLong(DayCount::count).max().orElse(0);
        return shown + " · … " + rest.size() + " more, " + number(min) + " to " + number(max);
    }

    private static final int HISTORY_SHOWN = 7;

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(double value) {
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}
