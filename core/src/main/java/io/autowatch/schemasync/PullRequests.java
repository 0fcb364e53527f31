package io.autowatch.schemasync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What schema sync needs from GitHub (port; implemented by the GitHub adapter, {@code io.autowatch.github}). */
public interface PullRequests {

    /** @throws GitHubException when GitHub cannot be reached or refuses */
    PullRequest pullRequest(String repository, int number);

    /** Every file the pull request changes, all pages. */
    List<ChangedFile> changedFiles(String repository, int number);

    /**
     * Where the pull request's branch left its base: the commit both histories share last. What the pull request
     * changes is the difference from there to its head (its base branch may have moved on since).
     */
    String mergeBase(String repository, String baseSha, String headSha);

    /**
     * A comment as GitHub has it now, or empty when it is gone. The worker acts on this, not on the webhook's
     * payload: anyone who knows the webhook secret could sign a payload, but only GitHub says who wrote what.
     */
    Optional<Comment> comment(String repository, long commentId);

    /** @param issueNumber the pull request (or issue) the comment is on */
    record Comment(String author, String body, int issueNumber, Instant createdAt) {}

    /** The commit the repository's default branch points at now. */
    String defaultBranchHead(String repository);

    /** Every file in the repository at a commit, and whether GitHub listed them all. */
    RepositoryFiles files(String repository, String sha);

    /** @param complete false when GitHub cut the listing short (a very large tree): nothing may be deleted then */
    record RepositoryFiles(List<String> paths, boolean complete) {
        public RepositoryFiles {
            paths = List.copyOf(paths);
        }
    }

    /** The file's bytes at a commit, or empty when it does not exist there. */
    Optional<byte[]> file(String repository, String path, String sha);

    /**
     * The user's base permission on the repository: {@code admin}, {@code write}, {@code read} or {@code none}, as
     * GitHub's {@code permission} field gives it (the maintain role counts as write, triage as read, and a custom
     * role as the role it is built on).
     */
    String permission(String repository, String user);

    void react(String repository, long commentId, String reaction);

    /**
     * Creates the pull request's status comment, or edits it: only a comment that holds {@code marker} and that the
     * identity this adapter authenticates as wrote (anyone can paste the marker into a comment of their own).
     */
    void upsertComment(String repository, int number, String marker, String body);

    void setCommitStatus(String repository, String sha, CommitState state, String context, String description);

    enum CommitState {
        PENDING,
        SUCCESS,
        FAILURE,
        ERROR
    }

    /**
     * @param headRepository the repository the head branch lives in: another one for a pull request from a fork
     * @param changedFiles   how many files GitHub says the pull request changes
     */
    record PullRequest(
            String repository,
            int number,
            String state,
            String headSha,
            String headRepository,
            String baseSha,
            int changedFiles) {
        public PullRequest {
            Objects.requireNonNull(headSha, "headSha");
            Objects.requireNonNull(baseSha, "baseSha");
        }

        public boolean fromFork() {
            return !repository.equalsIgnoreCase(headRepository);
        }
    }

    /** @param previousPath the old path of a renamed file */
    record ChangedFile(String path, String status, Optional<String> previousPath) {
        public ChangedFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(previousPath, "previousPath");
        }

        public boolean removed() {
            return status.equals("removed");
        }
    }

    /** A failed GitHub call, naming what was asked and what GitHub answered. */
    class GitHubException extends RuntimeException {
        private final int status;
        private final boolean rateLimited;

        public GitHubException(String message, int status, Throwable cause) {
            this(message, status, cause, false);
        }

        /** @param rateLimited the token's rate limit is used up (GitHub answers 403 or 429 then): try again later */
        public GitHubException(String message, int status, Throwable cause, boolean rateLimited) {
            super(message, cause);
            this.status = status;
            this.rateLimited = rateLimited;
        }

        public int status() {
            return status;
        }

        public boolean rateLimited() {
            return rateLimited;
        }
    }
}
