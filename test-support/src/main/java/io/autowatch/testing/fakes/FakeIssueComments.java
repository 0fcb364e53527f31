package io.autowatch.testing.fakes;

import io.autowatch.json.Json;
import io.autowatch.testing.fakes.FakeHttp.Answer;
import io.autowatch.testing.fakes.FakeHttp.Call;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link FakeGitHub}'s issue comments and reactions, as GitHub's REST API documents them: {@code
 * /repos/{owner}/{repo}/issues/{number}/comments} (paginated, bodies of at most 65,536 characters), {@code
 * /issues/comments/{id}} and its reactions. The caller holds the fake's lock.
 */
final class FakeIssueComments {

    private static final Answer NOT_FOUND = Answer.json(404, Map.of("message", "Not Found"));

    private final Supplier<URI> uri;
    private final AtomicLong ids;
    private final Map<String, List<Map<String, Object>>> comments = new HashMap<>();
    private final List<Map<String, Object>> reactions = new ArrayList<>();

    FakeIssueComments(Supplier<URI> uri, AtomicLong ids) {
        this.uri = uri;
        this.ids = ids;
    }

    long add(String repository, int number, long id, String user, String body) {
        comments.computeIfAbsent(repository + "#" + number, k -> new ArrayList<>())
                .add(comment(repository, number, id, user, body));
        return id;
    }

    List<String> bodies(String repository, int number) {
        return comments.getOrDefault(repository + "#" + number, List.of()).stream()
                .map(c -> (String) c.get("body"))
                .toList();
    }

    List<Map<String, Object>> reactions() {
        return List.copyOf(reactions);
    }

    /** @param parts the request path split at '/': {@code ["", "repos", owner, repo, "issues", …]} */
    Answer handle(Call call, String repository, String[] parts) {
        String method = call.method();
        if (parts.length == 8 && parts[5].equals("comments") && parts[7].equals("reactions") && method.equals("POST")) {
            Map<String, Object> reaction = new LinkedHashMap<>(Json.readObject(call.body()));
            reaction.put("comment_id", Long.parseLong(parts[6]));
            reactions.add(reaction);
            return Answer.json(201, reaction);
        }
        if (parts.length == 7 && parts[6].equals("comments")) {
            List<Map<String, Object>> list =
                    comments.computeIfAbsent(repository + "#" + parts[5], k -> new ArrayList<>());
            if (method.equals("GET")) {
                return FakeIssueComments.page(uri.get(), call, list);
            }
            if (method.equals("POST")) {
                String body = (String) Json.readObject(call.body()).get("body");
                if (body.length() > 65_536) {
                    return Answer.json(
                            422,
                            Map.of(
                                    "message",
                                    "Validation Failed",
                                    "errors",
                                    List.of(Map.of("message", "Body is too long (maximum is 65536 characters)"))));
                }
                Map<String, Object> comment =
                        comment(repository, Integer.parseInt(parts[5]), ids.incrementAndGet(), FakeGitHub.LOGIN, body);
                list.add(comment);
                return Answer.json(201, comment);
            }
        }
        if (parts.length == 7 && parts[5].equals("comments") && method.equals("GET")) {
            long id = Long.parseLong(parts[6]);
            for (List<Map<String, Object>> list : comments.values()) {
                for (Map<String, Object> comment : list) {
                    if (((Number) comment.get("id")).longValue() == id) {
                        return Answer.json(200, comment);
                    }
                }
            }
            return NOT_FOUND;
        }
        if (parts.length == 7 && parts[5].equals("comments") && method.equals("PATCH")) {
            long id = Long.parseLong(parts[6]);
            String body = (String) Json.readObject(call.body()).get("body");
            if (body.length() > 65_536) {
                return Answer.json(422, Map.of("message", "Validation Failed"));
            }
            for (List<Map<String, Object>> list : comments.values()) {
                for (Map<String, Object> comment : list) {
                    if (((Number) comment.get("id")).longValue() == id) {
                        comment.put("body", body);
                        return Answer.json(200, comment);
                    }
                }
            }
            return NOT_FOUND;
        }
        return NOT_FOUND;
    }

    private Map<String, Object> comment(String repository, int number, long id, String user, String body) {
        return new LinkedHashMap<>(Map.of(
                "id",
                id,
                "body",
                body,
                "user",
                Map.of("login", user),
                "issue_url",
                uri.get() + "/repos/" + repository + "/issues/" + number,
                "created_at",
                Instant.now().toString()));
    }

    /** One page of {@code list}, with GitHub's {@code Link: <…>; rel="next"} header when more follow. */
    static Answer page(URI base, Call call, List<Map<String, Object>> list) {
        int perPage = Integer.parseInt(call.query().getOrDefault("per_page", "30"));
        int page = Integer.parseInt(call.query().getOrDefault("page", "1"));
        int from = Math.min(list.size(), (page - 1) * perPage);
        int to = Math.min(list.size(), from + perPage);
        Map<String, String> headers = new HashMap<>();
        if (to < list.size()) {
            headers.put(
                    "Link",
                    "<" + base + call.path() + "?per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\"");
        }
        return new Answer(200, List.copyOf(list.subList(from, to)), headers);
    }
}
