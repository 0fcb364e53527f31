package io.autowatch.schemasync.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * How many commands one pull request and one user may give per clock hour, so that a flood of comments cannot spend
 * the GitHub token's API quota (each command reads the pull request, its files and their imports). The first command
 * over a limit in an hour is answered with a comment that says when to try again; the ones after it are dropped
 * without an answer, so that a flood costs at most one comment per hour. Pushes to the default branch are not
 * counted: they are not a commenter's to repeat.
 */
public final class CommandLimits {

    public static final int PER_PULL_REQUEST = 10;
    public static final int PER_USER = 30;

    /** Plans made without asking, per pull request and clock hour (pushes are counted apart from commands). */
    public static final int AUTOPLANS_PER_PULL_REQUEST = 10;

    /** Plans made without asking, per pusher and clock hour, across pull requests. */
    public static final int AUTOPLANS_PER_USER = 30;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private CommandLimits() {}

    /** What to do with a command. */
    public sealed interface Verdict permits Within, Answer, Drop {}

    /** Carry it out. */
    public record Within() implements Verdict {}

    /** Over a limit for the first time this hour: tell the pull request why, and when to try again. */
    public record Answer(String why) implements Verdict {}

    /** Over a limit again this hour: it was answered once already. */
    public record Drop(String why) implements Verdict {}

    public static Verdict count(CommandRequest command, CommandCounter counter, Instant now) {
        if (command.command().wholeBranch()) {
            return new Within();
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant next = hour.plus(Duration.ofHours(1));
        String window = HOUR.format(hour.atOffset(ZoneOffset.UTC));
        if (command.command() == Command.AUTOPLAN) {
            return autoplans(command, counter, window, next);
        }
        long byUser = counter.increment(
                "user:" + command.sender().toLowerCase(Locale.ROOT) + "@" + window, next.plus(Duration.ofHours(1)));
        // A user over their own limit does not also use up the pull request's: one account cannot lock others out.
        long onPullRequest = byUser > PER_USER
                ? 0
                : counter.increment(
                        "pr:" + command.repository().toLowerCase(Locale.ROOT) + "#" + command.pullRequest() + "@"
                                + window,
                        next.plus(Duration.ofHours(1)));
        String retry =
                " Nothing was done; comment again after " + CLOCK.format(next.atOffset(ZoneOffset.UTC)) + " UTC.";
        Optional<String> why = onPullRequest > PER_PULL_REQUEST
                ? Optional.of("this pull request has had more than " + PER_PULL_REQUEST
                        + " autowatch commands this hour (the limit that keeps GitHub's API quota for everyone)."
                        + retry)
                : byUser > PER_USER
                        ? Optional.of("@" + command.sender() + " has given more than " + PER_USER
                                + " autowatch commands this hour (the limit that keeps GitHub's API quota for "
                                + "everyone)." + retry)
                        : Optional.empty();
        if (why.isEmpty()) {
            return new Within();
        }
        boolean first = byUser == PER_USER + 1 || (byUser <= PER_USER && onPullRequest == PER_PULL_REQUEST + 1);
        return first ? new Answer(why.get()) : new Drop(why.get());
    }

    /**
     * Pushes are counted apart from commands, per pull request and per pusher: a busy branch does not use up its
     * reviewers' commands, and one account opening many pull requests gets at most {@value #AUTOPLANS_PER_USER} plans
     * an hour. Over either limit a push is not planned and nothing is said (a comment on every busy pull request would be
     * noise; the status comment names the head it planned, and {@code esm plan} plans the head now).
     */
    private static Verdict autoplans(CommandRequest command, CommandCounter counter, String window, Instant next) {
        Instant forget = next.plus(Duration.ofHours(1));
        long byUser =
                counter.increment("autoplan-user:" + command.sender().toLowerCase(Locale.ROOT) + "@" + window, forget);
        if (byUser > AUTOPLANS_PER_USER) {
            return new Drop("@" + command.sender() + " pushed to pull requests more than " + AUTOPLANS_PER_USER
                    + " times this hour");
        }
        long onPullRequest = counter.increment(
                "autoplan:" + command.repository().toLowerCase(Locale.ROOT) + "#" + command.pullRequest() + "@"
                        + window,
                forget);
        return onPullRequest > AUTOPLANS_PER_PULL_REQUEST
                ? new Drop(
                        "the pull request was pushed to more than " + AUTOPLANS_PER_PULL_REQUEST + " times this hour")
                : new Within();
    }
}
