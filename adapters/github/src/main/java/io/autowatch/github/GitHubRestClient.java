package io.autowatch.github;

import io.autowatch.json.Json;
import io.autowatch.schema.PullRequests;
import io.autowatch.schema.RepoPaths;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST API over the JDK's HTTP client: a token, timeouts, {@code Link} pagination, retries with backoff on
 * 5xx, and waits (bounded) on rate limits, which GitHub answers with 403 or 429.
 *
 * <p>The token only ever goes to {@code <base>/repos/<owner>/<repo>/…} for the repository a command is about, and to
 * {@code <base>/user} to learn who it is: every request is checked against that before it is sent, redirects are not
 * followed, and a file path is confined to the repository ({@link RepoPaths}).
 */
public final class GitHubRestClient implements PullRequests {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}/[A-Za-z0-9_.\\-]{1,100}");
    private static final int ATTEMPTS = 3;
    /** The longest this client waits for a rate limit to reset; beyond it the command fails and says until when. */
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;
    private final Optional<String> configuredLogin;
    private volatile Optional<String> identity;

    public GitHubRestClient(URI base, String token, Duration timeout) {
        this(base, token, timeout, Optional.empty());
    }

    /**
     * @param botLogin who the token acts as, when {@code GET /user} cannot say (a GitHub App's installation token:
     *                 {@code <app-slug>[bot]}); without either, the status comment is never edited, only added
     */
    public GitHubRestClient(URI base, String token, Duration timeout, Optional<String> botLogin) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.token = token;
        this.timeout = timeout;
        this.configuredLogin = botLogin.filter(l -> !l.isBlank());
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public PullRequest pullRequest(String repository, int number) {
        Map<String, Object> pr = object(get("repos/" + repository + "/pulls/" + number, "application/vnd.github+json"));
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
            HttpResponse<byte[]> page = get(next, "application/vnd.github+json");
            for (Object item : list(page)) {
                Map<?, ?> file = (Map<?, ?>) item;
                files.add(new ChangedFile(
                        String.valueOf(file.get("filename")),
                        String.valueOf(file.get("status")),
                        Optional.ofNullable((String) file.get("previous_filename"))));
            }
            next = nextPage(page);
        }
        return files;
    }

    @Override
    public String mergeBase(String repository, String baseSha, String headSha) {
        if (!baseSha.matches("[0-9a-f]{40}") || !headSha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("refusing to compare refs that are not commit SHAs");
        }
        // per_page=1: only the merge base is wanted, not the commits and files the comparison also lists.
        Map<String, Object> compare = object(get(
                "repos/" + repository + "/compare/" + baseSha + "..." + headSha + "?per_page=1",
                "application/vnd.github+json"));
        if (compare.get("merge_base_commit") instanceof Map<?, ?> commit && commit.get("sha") instanceof String sha) {
            return sha;
        }
        throw new GitHubException(
                "GitHub's comparison of " + baseSha + "..." + headSha + " has no merge base", 200, null);
    }

    @Override
    public RepositoryFiles files(String repository, String sha) {
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("refusing to list a ref that is not a commit SHA");
        }
        Map<String, Object> tree = object(
                get("repos/" + repository + "/git/trees/" + sha + "?recursive=1", "application/vnd.github+json"));
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
                java.util.Arrays.stream(path.split("/"))
                        .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"))
                        .toList());
        HttpResponse<byte[]> response = send(
                "GET",
                "repos/" + repository + "/contents/" + encoded + "?ref=" + sha,
                "application/vnd.github.raw+json",
                null,
                true);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(response.body());
    }

    @Override
    public String permission(String repository, String user) {
        HttpResponse<byte[]> response = send(
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
        return String.valueOf(object(response).getOrDefault("permission", "none"))
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public void react(String repository, long commentId, String reaction) {
        send(
                "POST",
                "repos/" + repository + "/issues/comments/" + commentId + "/reactions",
                "application/vnd.github+json",
                Map.of("content", reaction),
                false);
    }

    @Override
    public void upsertComment(String repository, int number, String marker, String body) {
        String next = "repos/" + repository + "/issues/" + number + "/comments?per_page=100";
        while (next != null) {
            HttpResponse<byte[]> page = get(next, "application/vnd.github+json");
            for (Object item : list(page)) {
                Map<?, ?> comment = (Map<?, ?>) item;
                if (comment.get("body") instanceof String text && text.contains(marker) && writtenByMe(comment)) {
                    send(
                            "PATCH",
                            "repos/" + repository + "/issues/comments/" + comment.get("id"),
                            "application/vnd.github+json",
                            Map.of("body", body),
                            false);
                    return;
                }
            }
            next = nextPage(page);
        }
        send(
                "POST",
                "repos/" + repository + "/issues/" + number + "/comments",
                "application/vnd.github+json",
                Map.of("body", body),
                false);
    }

    @Override
    public void setCommitStatus(String repository, String sha, CommitState state, String context, String description) {
        String shortened = description.length() <= 140 ? description : description.substring(0, 139) + "…";
        send(
                "POST",
                "repos/" + repository + "/statuses/" + sha,
                "application/vnd.github+json",
                Map.of("state", state.name().toLowerCase(Locale.ROOT), "context", context, "description", shortened),
                false);
    }

    private HttpResponse<byte[]> get(String path, String accept) {
        return send("GET", path, accept, null, false);
    }

    private HttpResponse<byte[]> send(String method, String path, String accept, Object body, boolean allow404) {
        URI uri = path.startsWith("http") ? URI.create(path) : base.resolve(path);
        confine(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "autowatch-schema-sync");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new GitHubException(method + " " + uri.getPath() + " failed: " + e, 0, e);
                }
                pause(attempt, Optional.empty());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitHubException(method + " " + uri.getPath() + " was interrupted", 0, e);
            }
            int status = response.statusCode();
            Optional<Duration> rateLimited = RateLimit.waitFor(response, Instant.now());
            if (rateLimited.isPresent() && attempt < ATTEMPTS) {
                if (rateLimited.get().compareTo(MAX_RATE_LIMIT_WAIT) > 0) {
                    throw new GitHubException(
                            "GitHub's rate limit for this token is used up until "
                                    + Instant.now().plus(rateLimited.get()).truncatedTo(ChronoUnit.SECONDS)
                                    + " (" + method + " " + uri.getPath() + ")",
                            status,
                            null);
                }
                sleep(rateLimited.get().toMillis());
                continue;
            }
            if ((status == 429 || status >= 500) && attempt < ATTEMPTS) {
                pause(attempt, response.headers().firstValue("Retry-After"));
                continue;
            }
            break;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 || status == 404 && allow404) {
            return response;
        }
        String answer = new String(response.body(), StandardCharsets.UTF_8);
        throw new GitHubException(
                "GitHub answered " + status + " to " + method + " " + uri.getPath() + ": "
                        + (answer.length() > 300 ? answer.substring(0, 300) + "…" : answer),
                status,
                null);
    }

    /**
     * Refuses, before it is sent, any request but those to the base URL's {@code repos/<owner>/<repo>/} and
     * {@code user}: a path or a pagination link that leads elsewhere never carries the token.
     */
    private void confine(URI uri) {
        URI normalized = uri.normalize();
        boolean sameServer = Objects.equals(normalized.getScheme(), base.getScheme())
                && Objects.equals(normalized.getHost(), base.getHost())
                && normalized.getPort() == base.getPort();
        String path = Optional.ofNullable(normalized.getRawPath()).orElse("");
        String under = path.startsWith(base.getRawPath())
                ? path.substring(base.getRawPath().length())
                : null;
        boolean allowed = under != null
                && (under.equals("user")
                        || under.startsWith("repos/")
                                && REPOSITORY.matcher(repositoryOf(under)).matches()
                                && !repositoryOf(under).contains(".."));
        if (!sameServer || !allowed || !uri.getRawPath().equals(path)) {
            throw new GitHubException("refusing to send the token to " + uri.getPath(), 0, null);
        }
    }

    private static String repositoryOf(String underBase) {
        String[] parts = underBase.split("/", 4);
        return parts.length < 4 ? "" : parts[1] + "/" + parts[2];
    }

    /** Whether the comment is this identity's own; with no known identity, none is. */
    private boolean writtenByMe(Map<?, ?> comment) {
        Optional<String> me = identity();
        return me.isPresent()
                && comment.get("user") instanceof Map<?, ?> user
                && me.get().equalsIgnoreCase(String.valueOf(user.get("login")));
    }

    /** Who the token acts as: {@code GET /user} once, else the configured bot login. */
    private Optional<String> identity() {
        if (identity == null) {
            Optional<String> login;
            try {
                HttpResponse<byte[]> me = send("GET", "user", "application/vnd.github+json", null, true);
                login = me.statusCode() == 200
                        ? Optional.ofNullable(object(me).get("login")).map(String::valueOf)
                        : Optional.empty();
            } catch (GitHubException e) {
                login = Optional.empty(); // an App's installation token may not ask: 403
            }
            identity = login.or(() -> configuredLogin);
        }
        return identity;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(int attempt, Optional<String> retryAfter) {
        long millis = retryAfter
                .flatMap(GitHubRestClient::seconds)
                .map(s -> Math.min(s, 10) * 1000L)
                .orElse(200L << attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Long> seconds(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String nextPage(HttpResponse<byte[]> response) {
        return response.headers()
                .firstValue("Link")
                .map(NEXT::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .orElse(null);
    }

    private static Map<String, Object> object(HttpResponse<byte[]> response) {
        return Json.readObject(response.body());
    }

    private static List<?> list(HttpResponse<byte[]> response) {
        Object value = Json.readObject("{\"v\": " + new String(response.body(), StandardCharsets.UTF_8) + "}")
                .get("v");
        if (value instanceof List<?> list) {
            return list;
        }
        throw new GitHubException(
                "GitHub answered " + Json.describe(value) + " where a list was expected", response.statusCode(), null);
    }
}
