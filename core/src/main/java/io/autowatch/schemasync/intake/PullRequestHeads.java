package io.autowatch.schemasync.intake;

import java.time.Instant;
import java.util.Optional;

/**
 * The head commit of each pull request as the webhook last heard of it (its {@code pull_request} events), so that
 * a command is pinned to the commit that was there when the comment came (port).
 */
public interface PullRequestHeads {

    /** Records the head as of {@code at}; an older report than the one recorded is ignored. */
    void moved(String repository, int pullRequest, String headSha, Instant at);

    /** The head last recorded, if any, and when it was pushed. */
    Optional<Head> head(String repository, int pullRequest);

    record Head(String sha, Instant at) {}
}
