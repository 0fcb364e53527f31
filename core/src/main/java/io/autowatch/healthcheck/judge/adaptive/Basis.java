package io.autowatch.healthcheck.judge.adaptive;

import io.autowatch.healthcheck.Wording;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of an adaptive verdict: where the expectation came from, and one sentence on how far off the day was. */
final class Basis {

    private static final int SAME_WEEKDAYS_SHOWN = 4;

    private Basis() {}

    /** E.g. "last 4 Tuesdays: 1,180, 1,210, 1,250, 1,230; Tuesdays ×1.12 of an average day; level 1,090 a day". */
    static String of(DayValues days, WeekdayProfile profile, LevelTrack track, LocalDate day, double dispersion) {
        DayOfWeek weekday = day.getDayOfWeek();
        List<String> parts = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0 && same.size() < SAME_WEEKDAYS_SHOWN; i--) {
            if (days.known(i) && days.weekday(i) == weekday) {
                same.add(Wording.count(days.value(i)));
            }
        }
        if (!same.isEmpty()) {
            parts.add("last " + (same.size() == 1 ? "" : same.size() + " ")
                    + Wording.weekdays(weekday)
                            .substring(0, Wording.weekdays(weekday).length() - (same.size() == 1 ? 1 : 0))
                    + ": " + String.join(", ", same));
        }
        if (profile.pooled()) {
            parts.add("too little history for a weekday baseline, so all days pooled (low confidence)");
        } else if (!profile.active(weekday)) {
            parts.add(Wording.weekdays(weekday) + " are days this job does not run");
        } else if (Math.abs(profile.factor(weekday) - 1) >= 0.05) {
            parts.add(Wording.weekdays(weekday) + " ×" + twoDigits(profile.factor(weekday)) + " of an average day");
        }
        double level = track.levelForCheckedDay();
        StringBuilder levelText = new StringBuilder("level about " + Wording.amount(level) + " a day");
        double growth = track.growthBefore(days.size());
        if (growth > 1.002) {
            levelText.append(", growing ").append(twoDigits(100 * (growth - 1))).append("% a day");
        }
        if (track.anchoredAt() >= 0) {
            levelText
                    .append(", re-anchored on ")
                    .append(days.day(track.anchoredAt()))
                    .append(" after ")
                    .append(LevelTrack.RE_ANCHOR_AFTER)
                    .append(" days at a new level");
        }
        parts.add(levelText.toString());
        double noise = Math.sqrt(dispersion) * 100;
        parts.add("day-to-day noise ±" + twoDigits(noise) + "% beyond counting noise");
        return String.join("; ", parts);
    }

    /** E.g. "Counted 380, expected 1,050 to 1,350 around 1,200: −68% (×0.32), about 1 day in 10,000 …". */
    static String daySentence(
            long x, double expected, long low, long high, double probability, CountModel model, boolean improbable) {
        String counted = x == 0 ? "Counted nothing" : "Counted " + Wording.count(x);
        String range = ", expected " + Wording.count(low) + " to " + Wording.count(high) + " around "
                + Wording.amount(expected) + ": ";
        if (x == 0 && !improbable) {
            double zero = model.atMost(0);
            return counted
                    + range
                    + (zero >= 0.5
                            ? "zeros are usual for this job on this day."
                            : "a zero comes " + Wording.rarity(zero) + " for this job.");
        }
        String how = Wording.change(x, expected) + " (" + Wording.ratio(x, expected) + ")";
        if (improbable) {
            return counted + range + how + ", " + Wording.rarity(probability) + " by this job's own noise.";
        }
        return counted + range + how + ", "
                + (probability >= 0.5 ? "a usual day." : "within its noise (" + Wording.rarity(probability) + ").");
    }

    /** E.g. "ran on 22 of the 30 days it could have, idle at random (not by weekday): judged on the days it ran". */
    static String idleBasis(IdleDays idle) {
        return "ran on " + idle.ranDays() + " of the " + idle.activeDays()
                + " days it could have, idle at random (not by weekday): judged on the days it ran";
    }

    /** E.g. "Counted nothing: it ran on 22 of its last 30 days; 4 idle days in a row come about once in 2,000 days." */
    static String idleSentence(IdleDays idle, boolean improbable) {
        String streak = idle.streak() == 1 ? "an idle day" : idle.streak() + " idle days in a row";
        return "Counted nothing: it ran on " + idle.ranDays() + " of its last " + idle.activeDays()
                + " days, so " + streak + " come" + (idle.streak() == 1 ? "s " : " ")
                + Wording.rarity(idle.probability()).replace("a usual day", "often") + " for this job"
                + (improbable ? ": it has stopped longer than it ever idles." : ", which is how it idles.");
    }

    /** A run on a weekday the job seemed not to run on, when it idles at random. */
    static String offDaySentence(LocalDate day, long x, double chance, boolean improbable) {
        return "Counted " + Wording.count(x) + ": " + Wording.weekdays(day.getDayOfWeek())
                + " had been idle lately, but a job that idles at random as this one does leaves a weekday that idle"
                + " by chance (" + Wording.rarity(chance) + ")"
                + (improbable ? "; not this often: it runs when it should not." : ", so a run on one is not alerted.");
    }

    /** E.g. "Counted 1,010, around 600 at the level since 2025-05-02, but back at its level before then …". */
    static String returnSentence(long x, double expected, double before, LocalDate anchoredOn) {
        return "Counted " + Wording.count(x) + ", around " + Wording.amount(expected) + " at the level it re-anchored"
                + " to on " + anchoredOn + ", but back at its level before then (around " + Wording.amount(before)
                + "): a recovery, not a new change.";
    }

    /** E.g. "Counted 15,020, around 10,000 at its level, but the third running day in a row at a new level …". */
    static String settledSentence(long x, double expected, double settled) {
        return "Counted " + Wording.count(x) + ", around " + Wording.amount(expected) + " at its level, but the third"
                + " day it ran in a row at a new level (around " + Wording.amount(settled) + "), idle days between"
                + " them not counted: the job's new normal, not a new change.";
    }

    /** A drop on an expected-low date: said, and not alerted on. */
    static String expectedLowSentence(LocalDate day, long x, double expected) {
        return (x == 0 ? "Counted nothing" : "Counted " + Wording.count(x)) + ", around " + Wording.amount(expected)
                + " on a usual day: " + Wording.change(x, expected) + " (" + Wording.ratio(x, expected) + "), but "
                + day + " is an expected-low date in this job's settings: a drop does not alert, a rise would, and"
                + " the day is not learned from.";
    }

    /** E.g. "The last 7 days counted 12, expected at least 20 around 31: −61% (×0.39), about 1 day in 50,000 …". */
    static String sumSentence(SustainedDrop drop) {
        String counted = drop.counted() == 0 ? "nothing" : Wording.count(drop.counted());
        return "The last " + drop.days() + " days counted " + counted + ", expected at least "
                + Wording.count(drop.lowest()) + " around " + Wording.amount(drop.expected()) + ": "
                + Wording.change(drop.counted(), drop.expected()) + " ("
                + Wording.ratio(drop.counted(), drop.expected())
                + "), " + Wording.rarity(drop.probability()) + " by this job's own noise, though no single day is.";
    }

    private static String twoDigits(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2g", value);
    }
}
