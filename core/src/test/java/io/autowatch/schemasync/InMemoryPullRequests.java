package io.autowatch.schemasync;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GitHub as schema sync sees it, in memory, for one repository: commits (files per sha), the default branch, pull
 * requests with their changed files, comments as GitHub has them, permissions; and what the service posted back
 * (reactions, the status comment, commit statuses). Another repository is answered with a 404, as GitHub would.
 */
final class InMemoryPullRequests implements PullRequests {

    /** A reaction the service put on a comment. */
    record Reaction(long commentId, String content) {}

    /** A commit status the service set. */
    record Status(String sha, CommitState state, String context, String description) {}

    static final String FORK = "someone/fork";

    private final String repository;
    private final Map<String, Map<String, byte[]>> commits = new HashMap<>();
    private final Map<Integer, PullRequest> pullRequests = new HashMap<>();
    private final Map<Integer, List<ChangedFile>> changedFiles = new HashMap<>();
    private final Map<Long, Comment> comments = new HashMap<>();
    private final Map<String, String> permissions = new HashMap<>();
    private final List<Reaction> reactions = new ArrayList<>();
    private final Map<Integer, String> statusComments = new HashMap<>();
    private final List<Status> statuses = new ArrayList<>();
    private String defaultBranchHead;
    private boolean treesComplete = true;
    private Instant clock = Instant.parse("2026-03-01T09:00:00Z");
    private int nextCommit = 1;
    private int nextPullRequest = 1;
    private long nextComment = 100;

    InMemoryPullRequests(String repository) {
        this.repository = repository;
        this.defaultBranchHead = commit(Map.of());
    }

    // --- what a test sets up ---

    /** A new commit holding exactly these files (path to text); returns its 40-character sha. */
    String commit(Map<String, String> files) {
        String sha = "%07x".formatted(0xa000000 + nextCommit++) + "0".repeat(33); // short sha a000001, a000002, …
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        commits.put(sha, bytes);
        return sha;
    }

    /** A push to the default branch: a new commit with these files, which the branch now points at. */
    String push(Map<String, String> files) {
        defaultBranchHead = commit(files);
        return defaultBranchHead;
    }

    void moveDefaultBranchTo(String sha) {
        defaultBranchHead = sha;
    }

    String defaultBranchHead() {
        return defaultBranchHead;
    }

    /** Opens an open pull request from {@code baseSha} to {@code headSha}; its changed files are their diff. */
    int openPullRequest(String baseSha, String headSha, boolean fromFork) {
        int number = nextPullRequest++;
        List<ChangedFile> files = diff(commits.get(baseSha), commits.get(headSha));
        pullRequests.put(
                number,
                new PullRequest(
                        repository, number, "open", headSha, fromFork ? FORK : repository, baseSha, files.size()));
        changedFiles.put(number, files);
        return number;
    }

    /** Replaces what GitHub lists as the pull request's changed files (a rename, say). */
    void changedFiles(int number, List<ChangedFile> files) {
        changedFiles.put(number, List.copyOf(files));
        PullRequest pr = pullRequests.get(number);
        pullRequests.put(
                number,
                new PullRequest(
                        repository, number, pr.state(), pr.headSha(), pr.headRepository(), pr.baseSha(), files.size()));
    }

    /** Someone pushed to the pull request's branch: its head is now {@code headSha}. */
    void pushToPullRequest(int number, String headSha) {
        PullRequest pr = pullRequests.get(number);
        pullRequests.put(
                number,
                new PullRequest(
                        repository, number, pr.state(), headSha, pr.headRepository(), pr.baseSha(), pr.changedFiles()));
    }

    PullRequest pullRequest(int number) {
        return pullRequests.get(number);
    }

    /** A comment on the pull request, a minute after the previous one; returns its id. */
    long comment(int number, String author, String body) {
        long id = nextComment++;
        clock = clock.plus(Duration.ofMinutes(1));
        comments.put(id, new Comment(author, body, number, clock));
        return id;
    }

    Instant createdAt(long commentId) {
        return comments.get(commentId).createdAt();
    }

    void deleteComment(long commentId) {
        comments.remove(commentId);
    }

    void grant(String user, String role) {
        permissions.put(user, role);
    }

    /** From now on the tree listing is cut short, as GitHub does for a very large tree. */
    void listTreesInPart() {
        treesComplete = false;
    }

    // --- what the service posted ---

    List<Reaction> reactions() {
        return List.copyOf(reactions);
    }

    Optional<String> statusComment(int number) {
        return Optional.ofNullable(statusComments.get(number));
    }

    boolean anyStatusComment() {
        return !statusComments.isEmpty();
    }

    List<Status> statuses() {
        return List.copyOf(statuses);
    }

    Status lastStatus() {
        return statuses.getLast();
    }

    // --- the port ---

    @Override
    public PullRequest pullRequest(String repository, int number) {
        known(repository);
        PullRequest pr = pullRequests.get(number);
        if (pr == null) {
            throw new GitHubException("GET pulls/" + number + ": 404 Not Found", 404, null);
        }
        return pr;
    }

    @Override
    public List<ChangedFile> changedFiles(String repository, int number) {
        known(repository);
        return changedFiles.getOrDefault(number, List.of());
    }

    @Override
    public String mergeBase(String repository, String baseSha, String headSha) {
        known(repository);
        return baseSha; // pull requests here are opened from their base commit, and the base branch never moves on
    }

    @Override
    public Optional<Comment> comment(String repository, long commentId) {
        known(repository);
        return Optional.ofNullable(comments.get(commentId));
    }

    @Override
    public String defaultBranchHead(String repository) {
        known(repository);
        return defaultBranchHead;
    }

    @Override
    public RepositoryFiles files(String repository, String sha) {
        known(repository);
        return new RepositoryFiles(List.copyOf(commits.get(sha).keySet()), treesComplete);
    }

    @Override
    public Optional<byte[]> file(String repository, String path, String sha) {
        known(repository);
        return Optional.ofNullable(commits.getOrDefault(sha, Map.of()).get(path));
    }

    @Override
    public String permission(String repository, String user) {
        known(repository);
        return permissions.getOrDefault(user, "none");
    }

    @Override
    public void react(String repository, long commentId, String reaction) {
        known(repository);
        reactions.add(new Reaction(commentId, reaction));
    }

    @Override
    public void upsertComment(String repository, int number, String marker, String body) {
        known(repository);
        statusComments.put(number, body);
    }

    @Override
    public void setCommitStatus(String repository, String sha, CommitState state, String context, String description) {
        known(repository);
        statuses.add(new Status(sha, state, context, description));
    }

    private void known(String asked) {
        if (!asked.equals(repository)) {
            throw new GitHubException("repository " + asked + ": 404 Not Found", 404, null);
        }
    }

    private static List<ChangedFile> diff(Map<String, byte[]> base, Map<String, byte[]> head) {
        List<ChangedFile> files = new ArrayList<>();
        head.forEach((path, bytes) -> {
            if (!base.containsKey(path)) {
                files.add(new ChangedFile(path, "added", Optional.empty()));
            } else if (!Arrays.equals(base.get(path), bytes)) {
                files.add(new ChangedFile(path, "modified", Optional.empty()));
            }
        });
        base.keySet().stream()
                .filter(path -> !head.containsKey(path))
                .forEach(path -> files.add(new ChangedFile(path, "removed", Optional.empty())));
        return files;
    }
}
