package io.autowatch.counts;

/**
 * A job's identity as writers spell it (README, "The counts interface"): 1–200 printable characters, e.g. {@code email/daily-active/IN}.
 * Any printable character is allowed, slashes, spaces and non-ASCII letters included; control characters are not.
 */
public record JobId(String value) implements Comparable<JobId> {

    public static final int MAX_LENGTH = 200;

    public JobId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("job id must not be empty");
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("job id is " + length + " characters long; at most " + MAX_LENGTH
                    + " are allowed: " + abbreviate(value));
        }
        value.codePoints().filter(JobId::isNotPrintable).findFirst().ifPresent(cp -> {
            throw new IllegalArgumentException(
                    "job id contains the non-printable character U+%04X: %s".formatted(cp, abbreviate(value)));
        });
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    /** True when {@code text} is a valid job id; for readers that must skip foreign items instead of failing. */
    public static boolean isValid(String text) {
        try {
            new JobId(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isNotPrintable(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public int compareTo(JobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
