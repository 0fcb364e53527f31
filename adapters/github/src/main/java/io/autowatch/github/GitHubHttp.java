package io.autowatch.github;

import io.autowatch.json.Json;
import io.autowatch.schemasync.PullRequests.GitHubException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP under the GitHub client: the token, timeouts, retries with backoff on 5xx, bounded waits on rate limits
 * (GitHub answers them with 403 or 429), and the check, before anything is sent, that a request stays under the
 * base URL's {@code repos/<owner>/<repo>/} or {@code user}, and that a page link stays in the command's own
 * repository. Redirects are not followed.
 */
final class GitHubHttp {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}/[A-Za-z0-9_.\\-]{1,100}");
    private static final int ATTEMPTS = 3;
    /** GitHub's API answers (pages of 100 files or comments) are far smaller; a file has its own limit. */
    static final int MAX_ANSWER_BYTES = 20_000_000;
    /** The longest a request waits for a rate limit to reset; beyond it the command fails and says until when. */
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    GitHubHttp(URI base, String token, Duration timeout) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Warms this client without a request to GitHub ({@link GitHubPriming}). */
    void prime() {
        GitHubPriming.prime(http);
    }

    HttpResponse<byte[]> get(String path, String accept) {
        return send("GET", path, accept, null, false);
    }

    /**
     * A page of {@code repository}'s: its first, or the {@code next} link of the one before, which GitHub's answer
     * chose. A link out of the command's own repository is refused before the token goes anywhere.
     */
    HttpResponse<byte[]> page(String path, String repository) {
        URI uri = path.startsWith("http") ? URI.create(path) : base.resolve(path);
        String under = Optional.ofNullable(uri.normalize().getRawPath()).orElse("");
        under = under.startsWith(base.getRawPath())
                ? under.substring(base.getRawPath().length())
                : under;
        if (!repositoryOf(under).equalsIgnoreCase(repository)) {
            throw new GitHubException(
                    "refusing to send the token to " + uri.getPath() + ": a page outside " + repository, 0, null);
        }
        return get(path, "application/vnd.github+json");
    }

    HttpResponse<byte[]> send(String method, String path, String accept, Object body, boolean allow404) {
        return send(method, path, accept, body, allow404, MAX_ANSWER_BYTES);
    }

    /** @param maxBytes the most of the answer's body that is read; the rest is dropped */
    HttpResponse<byte[]> send(String method, String path, String accept, Object body, boolean allow404, int maxBytes) {
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
                response = BoundedResponse.read(
                        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), maxBytes);
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
                            null,
                            true);
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
        return parts.length < 3 ? "" : parts[1] + "/" + parts[2];
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
                .flatMap(GitHubHttp::seconds)
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

    static String nextPage(HttpResponse<byte[]> response) {
        return response.headers()
                .firstValue("Link")
                .map(NEXT::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .orElse(null);
    }

    static Map<String, Object> object(HttpResponse<byte[]> response) {
        return Json.readObject(response.body());
    }

    static List<?> list(HttpResponse<byte[]> response) {
        Object value = Json.readObject("{\"v\": " + new String(response.body(), StandardCharsets.UTF_8) + "}")
                .get("v");
        if (value instanceof List<?> list) {
            return list;
        }
        throw new GitHubException(
                "GitHub answered " + Json.describe(value) + " where a list was expected", response.statusCode(), null);
    }
}
