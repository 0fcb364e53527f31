package io.autowatch.testing.fakes;

import io.autowatch.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parts of GitHub's REST API that schema sync uses, as documented: pull requests and their files (paginated
 * with {@code Link}), raw contents at a commit, collaborator permissions, issue comments (at most 65,536
 * characters), reactions and commit statuses. Requests need {@code Authorization: Bearer <token>}.
 */
public final class FakeGitHub extends FakeHttp {

    public static final String TOKEN = "fake-github-token";

    private final Map<String, Map<String, Object>> pulls = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> files = new HashMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();
    private final Map<String, String> roles = new HashMap<>();
    private final List<Map<String, Object>> statuses = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(5000);
    private final FakeIssueComments issues = new FakeIssueComments(this::uri, ids);
    private final AtomicLong shas = new AtomicLong(0xabc000);
    private final Map<String, String> customBase = new HashMap<>();
    private boolean app;
    private boolean truncatedTrees;
    private final Map<String, String> branchHeads = new HashMap<>();

    /** Who the token acts as, and who writes the comments it posts. */
    public static final String LOGIN = "autowatch[bot]";

    public String baseUrl() {
        return uri().toString();
    }

    public synchronized void grant(String user, String role) {
        roles.put(user, role);
    }

    /** A custom repository role: GitHub answers its own name as role_name and the role it builds on as permission. */
    public synchronized void grantCustom(String user, String roleName, String basePermission) {
        roles.put(user, roleName);
        customBase.put(roleName, basePermission);
    }

    /** The token is a GitHub App's installation token: {@code GET /user} is refused, as GitHub refuses it. */
    public synchronized void actAsApp(boolean app) {
        this.app = app;
    }

    /** A commit on the default branch holding {@code files} (path → text), as a push would bring it; its SHA. */
    public synchronized String commit(Map<String, String> files) {
        return commit("", files);
    }

    /** A commit that becomes the head of {@code repository}'s default branch ({@code main}). */
    public synchronized String commit(String repository, Map<String, String> files) {
        String sha = Long.toHexString(shas.incrementAndGet()) + "c".repeat(34);
        files.forEach((path, text) -> contents.put(sha + ":" + path, text.getBytes(StandardCharsets.UTF_8)));
        branchHeads.put(repository, sha);
        return sha;
    }

    /** Answers tree listings as GitHub does for a very large repository: cut short, {@code truncated: true}. */
    public synchronized void truncateTrees(boolean truncated) {
        this.truncatedTrees = truncated;
    }

    /** Changes what GitHub reports of the pull request: {@code "state", "closed"}; {@code "changed_files", 3400}. */
    public synchronized void report(String repository, int number, String field, Object value) {
        pulls.get(repository + "#" + number).put(field, value);
    }

    /**
     * A pull request that turns {@code base} into {@code head} (path → text; a missing path is absent on that side).
     *
     * @return the head commit's SHA
     */
    public synchronized String pullRequest(
            String repository, int number, Map<String, String> base, Map<String, String> head, boolean fromFork) {
        String baseSha = Long.toHexString(shas.incrementAndGet()) + "0".repeat(34);
        String headSha = Long.toHexString(shas.incrementAndGet()) + "f".repeat(34);
        base.forEach((path, text) -> contents.put(baseSha + ":" + path, text.getBytes(StandardCharsets.UTF_8)));
        head.forEach((path, text) -> contents.put(headSha + ":" + path, text.getBytes(StandardCharsets.UTF_8)));
        List<Map<String, Object>> changed = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(head.keySet());
        for (String path : paths) {
            String before = base.get(path);
            String after = head.get(path);
            if (Objects.equals(before, after)) {
                continue;
            }
            changed.add(Map.of(
                    "filename", path, "status", before == null ? "added" : after == null ? "removed" : "modified"));
        }
        files.put(repository + "#" + number, changed);
        Map<String, Object> pr = new LinkedHashMap<>(Map.of(
                "number",
                number,
                "state",
                "open",
                "head",
                Map.of("sha", headSha, "repo", Map.of("full_name", fromFork ? "someone/fork" : repository)),
                "base",
                Map.of("sha", baseSha, "repo", Map.of("full_name", repository))));
        pr.put("changed_files", changed.size());
        pulls.put(repository + "#" + number, pr);
        return headSha;
    }

    /** The pull request's head commit, as the webhook records it from GitHub's {@code pull_request} delivery. */
    @SuppressWarnings("unchecked")
    public synchronized String headOf(String repository, int number) {
        return String.valueOf(
                ((Map<String, Object>) pulls.get(repository + "#" + number).get("head")).get("sha"));
    }

    /** Replaces a pull request's changed-file list (renames, hundreds of files). */
    public synchronized void changedFiles(String repository, int number, List<Map<String, Object>> list) {
        files.put(repository + "#" + number, new ArrayList<>(list));
        Optional.ofNullable(pulls.get(repository + "#" + number)).ifPresent(pr -> pr.put("changed_files", list.size()));
    }

    /** A comment by {@code user} on the pull request, as a person writes it; returns its id. */
    public synchronized long addComment(String repository, int number, String user, String body) {
        return issues.add(repository, number, ids.incrementAndGet(), user, body);
    }

    /** The same, with a given id (a sample event names one). */
    public synchronized long addComment(String repository, int number, long id, String user, String body) {
        return issues.add(repository, number, id, user, body);
    }

    public synchronized List<String> comments(String repository, int number) {
        return issues.bodies(repository, number);
    }

    public synchronized List<Map<String, Object>> reactions() {
        return issues.reactions();
    }

    public synchronized List<Map<String, Object>> statuses() {
        return List.copyOf(statuses);
    }

    @Override
    synchronized Answer handle(Call call, Map<String, String> headers) {
        if (!("Bearer " + TOKEN).equals(headers.get("Authorization"))) {
            return Answer.json(401, Map.of("message", "Bad credentials"));
        }
        if (call.path().equals("/user") && call.method().equals("GET")) {
            return app
                    ? Answer.json(403, Map.of("message", "Resource not accessible by integration"))
                    : Answer.json(200, Map.of("login", LOGIN, "type", "Bot"));
        }
        String[] parts = call.path().split("/");
        // /repos/{owner}/{repo}/...
        if (parts.length < 4 || !parts[1].equals("repos")) {
            return notFound();
        }
        String repository = parts[2] + "/" + parts[3];
        String resource = parts.length > 4 ? parts[4] : "";
        String method = call.method();
        if (resource.equals("pulls") && parts.length == 6 && method.equals("GET")) {
            Map<String, Object> pr = pulls.get(repository + "#" + parts[5]);
            return pr == null ? notFound() : Answer.json(200, pr);
        }
        if (resource.equals("pulls") && parts.length == 7 && parts[6].equals("files") && method.equals("GET")) {
            List<Map<String, Object>> list = files.get(repository + "#" + parts[5]);
            return list == null ? notFound() : page(call, list);
        }
        if (resource.equals("contents") && method.equals("GET")) {
            String path = URLDecoder.decode(
                    String.join("/", Arrays.copyOfRange(parts, 5, parts.length)), StandardCharsets.UTF_8);
            byte[] content = contents.get(call.query().get("ref") + ":" + path);
            return content == null
                    ? notFound()
                    : new Answer(200, content, Map.of("Content-Type", "application/vnd.github.raw+json"));
        }
        if (resource.equals("git") && parts.length == 7 && parts[5].equals("trees") && method.equals("GET")) {
            String sha = parts[6];
            List<Map<String, Object>> tree = contents.keySet().stream()
                    .filter(k -> k.startsWith(sha + ":"))
                    .map(k -> k.substring(sha.length() + 1))
                    .sorted()
                    .<Map<String, Object>>map(path -> Map.of("path", path, "type", "blob"))
                    .toList();
            return Answer.json(200, Map.of("sha", sha, "tree", tree, "truncated", truncatedTrees));
        }
        if (resource.equals("compare") && parts.length == 6 && method.equals("GET")) {
            String[] refs = parts[5].split("\\.\\.\\.");
            // The fake's pull requests branch off their base: the base is the merge base.
            return Answer.json(200, Map.of("merge_base_commit", Map.of("sha", refs[0]), "status", "diverged"));
        }
        if (resource.equals("collaborators") && parts.length == 7 && method.equals("GET")) {
            String role = roles.get(parts[5]);
            if (role == null) {
                return notFound();
            }
            String permission =
                    switch (role) {
                        case "maintain" -> "write";
                        case "triage" -> "read";
                        default -> customBase.getOrDefault(role, role);
                    };
            return Answer.json(
                    200, Map.of("permission", permission, "role_name", role, "user", Map.of("login", parts[5])));
        }
        if (resource.equals("issues")) {
            return issues.handle(call, repository, parts);
        }
        if (parts.length == 4 && method.equals("GET")) { // GET /repos/{owner}/{repo}
            return Answer.json(200, Map.of("full_name", repository, "default_branch", "main"));
        }
        if (resource.equals("git") && parts.length == 8 && parts[5].equals("ref") && method.equals("GET")) {
            String sha = branchHeads.get(repository);
            return sha == null
                    ? notFound()
                    : Answer.json(200, Map.of("ref", "refs/heads/" + parts[7], "object", Map.of("sha", sha)));
        }
        if (resource.equals("statuses") && parts.length == 6 && method.equals("POST")) {
            Map<String, Object> status = new LinkedHashMap<>(Json.readObject(call.body()));
            status.put("sha", parts[5]);
            statuses.add(status);
            return Answer.json(201, status);
        }
        return notFound();
    }

    private Answer page(Call call, List<Map<String, Object>> list) {
        return FakeIssueComments.page(uri(), call, list);
    }

    private static Answer notFound() {
        return Answer.json(404, Map.of("message", "Not Found"));
    }
}
