package io.autowatch.github;

import io.autowatch.schemasync.Limits;
import io.autowatch.schemasync.PullRequests;
import io.autowatch.schemasync.RepoPaths;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's REST API over the JDK's HTTP client: a token, timeouts, {@code Link} pagination, retries with backoff on
 * 5xx, and waits (bounded) on rate limits, which GitHub answers with 403 or 429.
 *
 * <p>The token only ever goes to {@code <base>/repos/<owner>/<repo>/…} for the repository a command is about, and to
 * {@code <base>/user} to learn who it is: every request is checked against that before it is sent, redirects are not
 * followed, and a file path is confined to the repository ({@link RepoPaths}).
 */
public final class GitHubRestClient implements PullRequests {

    private final GitHubHttp http;
    private final OwnComments comments;

    public GitHubRestClient(URI base, String token, Duration timeout) {
        this(base, token, timeout, Optional.empty());
    }

    /**
     * @param botLogin who the token acts as, when {@code GET /user} cannot say (a GitHub App's installation token:
     *                 {@code <app-slug>[bot]}); without either, the status comment is never edited, only added
     */
    public GitHubRestClient(URI base, String token, Duration timeout, Optional<String> botLogin) {
        this.http = new GitHubHttp(base, token, timeout);
        this.comments = new OwnComments(http, botLogin.filter(l -> !l.isBlank()));
    }

    /**
     * Warms the client without a request to GitHub, for a snapshot (SnapStart) to hold it warm: the HTTP client up to
     * the socket, a TLS handshake's first message and the JSON reader.
     */
    public void prime() {
        http.prime();
    }

    @Override
    public PullRequest pullRequest(String repository, int number) {
        Map<String, Object> pr =
                GitHubHttp.object(http.get("repos/" + repository + "/pulls/" + number, "application/vnd.github+json"));
        Map<?, ?> head = (Map<?, ?>) pr.get("head");
        Map<?, ?> base = (Map<?, ?>) pr.get("base");
        Object headRepo = head.get("repo") instanceof Map<?, ?> r ? r.get("full_name") : null;
        return new PullRequest(
                repository,
                number,
                String.valueOf(pr.get("state")),
                String.valueOf(head.get("sha")),
                headRepo == null ? "(deleted fork)" : String.valueOf(headRepo),
                String.valueOf(base.get("sha")),
                pr.get("changed_files") instanceof Number n ? n.intValue() : -1);
    }

    @Override
    public List<ChangedFile> changedFiles(String repository, int number) {
        List<ChangedFile> files = new ArrayList<>();
        String next = "repos/" + repository + "/pulls/" + number + "/files?per_page=100";
        while (next != null) {
            HttpResponse<byte[]> page = http.page(next, repository);
            for (Object item : GitHubHttp.list(page)) {
                Map<?, ?> file = (Map<?, ?>) item;
                files.add(new ChangedFile(
                        String.valueOf(file.get("filename")),
                        String.valueOf(file.get("status")),
                        Optional.ofNullable((String) file.get("previous_filename"))));
            }
            next = GitHubHttp.nextPage(page);
        }
        return files;
    }

    @Override
    public String mergeBase(String repository, String baseSha, String headSha) {
        if (!baseSha.matches("[0-9a-f]{40}") || !headSha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("refusing to compare refs that are not commit SHAs");
        }
        // per_page=1: only the merge base is wanted, not the commits and files the comparison also lists.
        Map<String, Object> compare = GitHubHttp.object(http.get(
                "repos/" + repository + "/compare/" + baseSha + "..." + headSha + "?per_page=1",
                "application/vnd.github+json"));
        if (compare.get("merge_base_commit") instanceof Map<?, ?> commit && commit.get("sha") instanceof String sha) {
            return sha;
        }
        throw new GitHubException(
                "GitHub's comparison of " + baseSha + "..." + headSha + " has no merge base", 200, null);
    }

    @Override
    public Optional<Comment> comment(String repository, long commentId) {
        HttpResponse<byte[]> response = http.send(
                "GET",
                "repos/" + repository + "/issues/comments/" + commentId,
                "application/vnd.github+json",
                null,
                true);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        Map<String, Object> c = GitHubHttp.object(response);
        String issueUrl = String.valueOf(c.get("issue_url"));
        String author = c.get("user") instanceof Map<?, ?> user ? String.valueOf(user.get("login")) : "";
        return Optional.of(new Comment(
                author,
                c.get("body") instanceof String body ? body : "",
                Integer.parseInt(issueUrl.substring(issueUrl.lastIndexOf('/') + 1)),
                Instant.parse(String.valueOf(c.get("created_at")))));
    }

    @Override
    public String defaultBranchHead(String repository) {
        String branch = String.valueOf(GitHubHttp.object(http.get("repos/" + repository, "application/vnd.github+json"))
                .get("default_branch"));
        Map<String, Object> ref = GitHubHttp.object(http.get(
                "repos/" + repository + "/git/ref/heads/"
                        + URLEncoder.encode(branch, StandardCharsets.UTF_8).replace("%2F", "/"),
                "application/vnd.github+json"));
        if (ref.get("object") instanceof Map<?, ?> object && object.get("sha") instanceof String sha) {
            return sha;
        }
        throw new GitHubException("GitHub named no commit for the default branch of " + repository, 200, null);
    }

    @Override
    public RepositoryFiles files(String repository, String sha) {
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("refusing to list a ref that is not a commit SHA");
        }
        Map<String, Object> tree = GitHubHttp.object(
                http.get("repos/" + repository + "/git/trees/" + sha + "?recursive=1", "application/vnd.github+json"));
        List<String> paths = new ArrayList<>();
        if (tree.get("tree") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> e && "blob".equals(e.get("type")) && e.get("path") instanceof String p) {
                    paths.add(p);
                }
            }
        }
        return new RepositoryFiles(paths, !Boolean.TRUE.equals(tree.get("truncated")));
    }

    @Override
    public Optional<byte[]> file(String repository, String path, String sha) {
        if (!(RepoPaths.file(path) instanceof RepoPaths.Inside inside)
                || !inside.path().equals(path)) {
            throw new IllegalArgumentException("refusing to fetch a path that is not a plain repository path");
        }
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("refusing to fetch at a ref that is not a commit SHA");
        }
        String encoded = String.join(
                "/",
                Arrays.stream(path.split("/"))
                        .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"))
                        .toList());
        HttpResponse<byte[]> response = http.send(
                "GET",
                "repos/" + repository + "/contents/" + encoded + "?ref=" + sha,
                "application/vnd.github.raw+json",
                null,
                true,
                // One byte past the cap is enough to say the file is too large; the rest is never read.
                Limits.MAX_FILE_BYTES);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(response.body());
    }

    @Override
    public String permission(String repository, String user) {
        HttpResponse<byte[]> response = http.send(
                "GET",
                "repos/" + repository + "/collaborators/" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "/permission",
                "application/vnd.github+json",
                null,
                true);
        if (response.statusCode() == 404) {
            return "none";
        }
        // permission is the base role (maintain reads as write, a custom role as the role it builds on);
        // role_name would be a custom role's own name, which says nothing about what it may do.
        return String.valueOf(GitHubHttp.object(response).getOrDefault("permission", "none"))
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public void react(String repository, long commentId, String reaction) {
        http.send(
                "POST",
                "repos/" + repository + "/issues/comments/" + commentId + "/reactions",
                "application/vnd.github+json",
                Map.of("content", reaction),
                false);
    }

    @Override
    public void upsertComment(String repository, int number, String marker, String body) {
        comments.upsert(repository, number, marker, body);
    }

    @Override
    public void setCommitStatus(String repository, String sha, CommitState state, String context, String description) {
        String shortened = description.length() <= 140 ? description : description.substring(0, 139) + "…";
        http.send(
                "POST",
                "repos/" + repository + "/statuses/" + sha,
                "application/vnd.github+json",
                Map.of("state", state.name().toLowerCase(Locale.ROOT), "context", context, "description", shortened),
                false);
    }
}
