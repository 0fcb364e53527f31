package io.autowatch.schemasync.report;

import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaError;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.report.SyncResult.StepOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pull request's one status comment (found again by {@link #MARKER} and edited in place): the plan or what was
 * applied as a table, errors with file and line, long parts folded in {@code <details>}. Always under GitHub's limit
 * of 65,536 characters: rows that do not fit are counted instead of shown.
 */
public final class StatusComment {

    public static final String MARKER = "<!-- autowatch:status -->";
    static final int LIMIT = 65_536;
    private static final String DELETED_FROM = "no longer annotated in ";
    private static final int BUDGET = LIMIT - 2_000;

    private StatusComment() {}

    public static String render(SyncResult r) {
        StringBuilder out = new StringBuilder(MARKER).append('\n');
        out.append("### ").append(headline(r)).append("\n\n");
        if (!r.headSha().isEmpty()) {
            // The sender is a GitHub login (letters, digits, hyphens): mentioning them is the point.
            String who = r.sender().matches("[A-Za-z0-9-]{1,39}") ? r.sender() : Markdown.text(r.sender());
            String at = Markdown.code(
                    r.headSha().substring(0, Math.min(7, r.headSha().length())));
            if (r.command() == Command.AUTOPLAN) {
                out.append("Planned automatically for the push by @")
                        .append(who)
                        .append(" at ")
                        .append(at)
                        .append(". Nothing is applied until someone comments `esm register`.\n\n");
            } else {
                out.append("`")
                        .append(r.command().text())
                        .append("` by @")
                        .append(who)
                        .append(" at ")
                        .append(at)
                        .append("\n\n");
            }
        }
        if (r.command() == Command.HELP) {
            return out.append(HelpText.TEXT).toString();
        }
        r.refusal()
                .ifPresent(why ->
                        out.append("**Not done:** ").append(Markdown.text(why)).append("\n\n"));
        r.notice()
                .ifPresent(notice ->
                        out.append("**Note:** ").append(Markdown.text(notice)).append("\n\n"));
        if (!r.errors().isEmpty()) {
            out.append("**Errors in the schemas** (nothing is registered until they are fixed):\n\n");
            appendLimited(
                    out,
                    r.errors().stream()
                            .map(e -> "- " + Markdown.code(location(e)) + ": " + Markdown.text(e.message()) + "\n")
                            .toList(),
                    "errors");
            out.append('\n');
        }
        r.compatibility().ifPresent(c -> out.append(CompatibilitySection.render(c)));
        r.plan().ifPresent(plan -> table(out, r, plan));
        return out.length() <= LIMIT ? out.toString() : out.substring(0, LIMIT - 40) + "\n\n…(cut to fit GitHub)";
    }

    /** One line for the commit status (GitHub keeps 140 characters). */
    public static String summary(SyncResult r) {
        if (r.refusal().isPresent()) {
            return "not done: " + r.refusal().get();
        }
        Plan plan = r.plan().orElse(new Plan(List.of()));
        if (r.command().wholeBranch()) {
            // A push applies the files read cleanly even when others have errors: say what was written, not planned.
            return (r.command() == Command.DRIFT ? "drift check, " : "") + reconciled(r, plan);
        }
        if (!r.errors().isEmpty()) {
            return r.errors().size() + " schema error(s); nothing registered";
        }
        String counts = planned(plan);
        if (r.command().plansOnly() || r.notice().isPresent()) {
            return "plan: " + counts;
        }
        long failed = r.writeFailures();
        return failed > 0
                ? failed + " of " + r.applied().size() + " changes failed; register again to retry"
                : "registered: " + written(r, plan);
    }

    private static String reconciled(SyncResult r, Plan plan) {
        boolean writes = plan.steps().stream()
                .anyMatch(s -> s instanceof Plan.Create || s instanceof Plan.Update || s instanceof Plan.Delete);
        long failed = r.writeFailures();
        String head = writes && r.applied().isEmpty()
                ? "default branch, plan only: " + planned(plan)
                : (failed > 0 ? failed + " changes failed; " : "default branch: ") + written(r, plan);
        return head
                + (r.errors().isEmpty() ? "" : "; " + r.errors().size() + " schema error(s) left alone")
                + r.notice().map(n -> "; " + n).orElse("");
    }

    private static String planned(Plan plan) {
        return plan.count(Plan.Create.class) + " to create, " + plan.count(Plan.Update.class) + " to update, "
                + plan.count(Plan.Delete.class) + " to delete, " + plan.count(Plan.Unchanged.class) + " unchanged";
    }

    /** What was written: only the steps Datadog took. */
    private static String written(SyncResult r, Plan plan) {
        return r.done(Plan.Create.class) + " created, " + r.done(Plan.Update.class) + " updated, "
                + r.done(Plan.Delete.class) + " deleted, " + plan.count(Plan.Unchanged.class) + " unchanged";
    }

    private static String headline(SyncResult r) {
        if (r.command() == Command.HELP) {
            return "autowatch: how to use it";
        }
        if (r.refusal().isPresent()) {
            return "autowatch: `" + r.command().text() + "` was not carried out ❌";
        }
        if (!r.errors().isEmpty()) {
            return "autowatch: schema errors ❌";
        }
        if (r.command().plansOnly() || r.notice().isPresent()) {
            return "autowatch: plan (nothing applied)";
        }
        return r.failed() ? "autowatch: registered with failures ⚠️" : "autowatch: registered ✅";
    }

    private static void table(StringBuilder out, SyncResult r, Plan plan) {
        Map<Plan.Step, Optional<String>> outcomes = new HashMap<>();
        r.applied().forEach((StepOutcome o) -> outcomes.put(o.step(), o.error()));
        boolean applied = r.command() == Command.REGISTER
                && r.errors().isEmpty()
                && r.notice().isEmpty()
                && r.refusal().isEmpty();
        List<String> changing = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            String action =
                    switch (step) {
                        case Plan.Create c -> applied ? "created" : "create";
                        case Plan.Update u -> applied ? "updated" : "update";
                        case Plan.Delete d -> applied ? "deleted" : "delete";
                        case Plan.Unchanged u -> "unchanged";
                        case Plan.Conflict c -> "⚠️ conflict";
                    };
            String detail =
                    switch (step) {
                        case Plan.Create c ->
                            "new, from " + Markdown.code(c.desired().schemaPath());
                        case Plan.Update u -> String.join(", ", u.changes());
                        case Plan.Delete d -> d.reason();
                        case Plan.Unchanged u -> "";
                        case Plan.Conflict c -> c.reason();
                    };
            Optional<String> error = outcomes.getOrDefault(step, Optional.empty());
            if (error.isPresent()) {
                action = "❌ failed to "
                        + action.replace("created", "create")
                                .replace("updated", "update")
                                .replace("deleted", "delete");
                detail = error.get();
            }
            String shown;
            if (step instanceof Plan.Create && error.isEmpty()) {
                shown = detail; // made here, with the path in a code span
            } else if (step instanceof Plan.Delete && error.isEmpty() && detail.startsWith(DELETED_FROM)) {
                shown = DELETED_FROM + Markdown.code(detail.substring(DELETED_FROM.length()));
            } else {
                shown = Markdown.text(detail);
            }
            String row = "| " + Markdown.code(step.name()) + " | " + action + " | " + shown + " |\n";
            (step instanceof Plan.Unchanged ? unchanged : changing).add(row);
        }
        if (changing.isEmpty() && !r.errors().isEmpty()) {
            // Nothing to change among the files that read cleanly; the broken ones were not planned at all.
            out.append("No changes for the files without errors; the files with errors are left as they are.\n\n");
        } else if (changing.isEmpty()) {
            out.append("No changes: Datadog already matches the annotations.\n\n");
        } else {
            out.append("| Monitor | Action | What |\n|---|---|---|\n");
            appendLimited(out, changing, "changes");
            out.append('\n');
        }
        if (!unchanged.isEmpty()) {
            out.append("<details><summary>")
                    .append(unchanged.size())
                    .append(" unchanged monitor")
                    .append(unchanged.size() == 1 ? "" : "s")
                    .append("</summary>\n\n| Monitor | Action | What |\n|---|---|---|\n");
            appendLimited(out, unchanged, "unchanged monitors");
            out.append("\n</details>\n");
        }
    }

    private static void appendLimited(StringBuilder out, List<String> lines, String what) {
        int shown = 0;
        for (String line : lines) {
            if (out.length() + line.length() > BUDGET) {
                break;
            }
            out.append(line);
            shown++;
        }
        if (shown < lines.size()) {
            out.append("\n…and ")
                    .append(lines.size() - shown)
                    .append(" more ")
                    .append(what)
                    .append(" not shown (GitHub comments are limited to 65,536 characters).\n");
        }
    }

    private static String location(SchemaError e) {
        return e.line() > 0 ? e.schemaPath() + ":" + e.line() : e.schemaPath();
    }
}
