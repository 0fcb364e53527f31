package io.autowatch.github;

import io.autowatch.schemasync.PullRequests.GitHubException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** The comments the token's own identity wrote on a pull request: the status comment is found again among them. */
final class OwnComments {

    private final GitHubHttp http;
    private final Optional<String> configuredLogin;
    private volatile Optional<String> identity;

    /** @param configuredLogin who the token acts as, when {@code GET /user} cannot say (a GitHub App's token) */
    OwnComments(GitHubHttp http, Optional<String> configuredLogin) {
        this.http = http;
        this.configuredLogin = configuredLogin;
    }

    /**
     * Edits the pull request's comment that holds {@code marker} and that this identity wrote, or adds one: anyone
     * can paste the marker into a comment of their own, and that one is never edited.
     */
    void upsert(String repository, int number, String marker, String body) {
        String next = "repos/" + repository + "/issues/" + number + "/comments?per_page=100";
        while (next != null) {
            HttpResponse<byte[]> page = http.page(next, repository);
            for (Object item : GitHubHttp.list(page)) {
                Map<?, ?> comment = (Map<?, ?>) item;
                if (comment.get("body") instanceof String text && text.contains(marker) && writtenByMe(comment)) {
                    http.send(
                            "PATCH",
                            "repos/" + repository + "/issues/comments/" + comment.get("id"),
                            "application/vnd.github+json",
                            Map.of("body", body),
                            false);
                    return;
                }
            }
            next = GitHubHttp.nextPage(page);
        }
        http.send(
                "POST",
                "repos/" + repository + "/issues/" + number + "/comments",
                "application/vnd.github+json",
                Map.of("body", body),
                false);
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
                HttpResponse<byte[]> me = http.send("GET", "user", "application/vnd.github+json", null, true);
                login = me.statusCode() == 200
                        ? Optional.ofNullable(GitHubHttp.object(me).get("login"))
                                .map(String::valueOf)
                        : Optional.empty();
            } catch (GitHubException e) {
                login = Optional.empty(); // an App's installation token may not ask: 403
            }
            identity = login.or(() -> configuredLogin);
        }
        return identity;
    }
}
