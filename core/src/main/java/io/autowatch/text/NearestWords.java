package io.autowatch.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which known words a typo was probably meant to be: the few closest by edits, ignoring case. */
public final class NearestWords {

    private NearestWords() {}

    /**
     * The known words closest to {@code typo}, case ignored, if within a few edits (two, or a fifth of its length for
     * long ones): all those equally close, at most {@code limit}; empty when none is close.
     */
    public static List<String> of(String typo, Collection<String> known, int limit) {
        String lower = typo.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typo.length() / 5);
        List<Candidate> close = known.stream()
                .map(k -> new Candidate(k, distance(lower, k.toLowerCase(Locale.ROOT))))
                .filter(c -> c.edits() <= allowed)
                .sorted(Comparator.comparingInt(Candidate::edits).thenComparing(Candidate::word))
                .toList();
        // Only the closest: a word that differs in case alone is the one meant, not one of three.
        return close.stream()
                .filter(c -> c.edits() == close.getFirst().edits())
                .limit(limit)
                .map(Candidate::word)
                .toList();
    }

    private record Candidate(String word, int edits) {}

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
