package io.autowatch.schemasync;

import io.autowatch.schemasync.PullRequests.PullRequest;
import java.util.Optional;
import java.util.Set;

/** Who may ask for what: the rules a command must pass before anything is read or written. Pure. */
public final class RegisterRules {

    /** Why an {@code esm register} with no head on record is refused, and what to do. */
    static final String UNPINNED_REGISTER = "autowatch has no record of this pull request's head (it was opened "
            + "before autowatch's webhook was installed, or GitHub's pull_request delivery was lost), so it cannot "
            + "tell which commit the comment was about, and a push just after it would be applied unreviewed. "
            + "Nothing was registered. Push a commit, or close and reopen the pull request, so that autowatch "
            + "records its head; then comment esm register again. esm plan works meanwhile.";

    /** The permissions that may write monitors; {@code esm plan} and {@code esm help} are open to anyone. */
    static final Set<String> MAY_REGISTER = Set.of("admin", "maintain", "write");

    private RegisterRules() {}

    /** Why this deployment does not act on the repository at all, or empty when it does. */
    public static Optional<String> repositoryRefusal(String repository, SyncSettings settings) {
        return settings.allows(repository)
                ? Optional.empty()
                : Optional.of("this deployment of autowatch does not manage monitors for " + repository
                        + " (it is not in ALLOWED_REPOSITORIES)");
    }

    /**
     * Why {@code sender}, with {@code role} on the repository, may not register from this pull request, or empty
     * when they may.
     */
    public static Optional<String> registerRefusal(
            String repository, String sender, String role, PullRequest pr, SyncSettings settings) {
        if (!MAY_REGISTER.contains(role)) {
            return Optional.of("@" + sender + " may not register monitors: it takes write, maintain or admin "
                    + "permission on " + repository + ", and they have '" + role + "'. Anyone can still comment "
                    + "`esm plan`.");
        }
        if (pr.fromFork() && !settings.allowForks()) {
            return Optional.of("this pull request comes from a fork (" + pr.headRepository() + "); registering "
                    + "from forks is switched off (ALLOW_FORK_PRS). Push the branch to " + repository
                    + " or ask an admin.");
        }
        if (!pr.state().equals("open")) {
            return Optional.of("the pull request is " + pr.state() + "; register from an open one");
        }
        return Optional.empty();
    }
}
