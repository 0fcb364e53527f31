package io.autowatch.schemasync.report;

import io.autowatch.monitor.Plan;
import io.autowatch.monitor.SchemaError;
import io.autowatch.schemasync.compat.CompatibilityReport;
import io.autowatch.schemasync.intake.Command;
import io.autowatch.schemasync.intake.CommandRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one command did, for the PR comment, the commit status and the log.
 *
 * @param plan     the plan, when one could be made
 * @param applied  per step that was meant to write: done, or the Datadog error
 * @param errors   problems in the schemas (nothing is applied while there are any)
 * @param refusal  why the command was not carried out at all (authorization, listing failure)
 * @param notice   something the reader must know that is not a failure (plan-only mode)
 * @param compatibility the changed records checked against the merge base, when the command got that far
 */
public record SyncResult(
        Command command,
        String repository,
        int pullRequest,
        String headSha,
        String sender,
        Optional<Plan> plan,
        List<StepOutcome> applied,
        List<SchemaError> errors,
        Optional<String> refusal,
        Optional<String> notice,
        Optional<CompatibilityReport> compatibility) {

    public SyncResult {
        Objects.requireNonNull(command, "command");
        applied = List.copyOf(applied);
        errors = List.copyOf(errors);
        Objects.requireNonNull(compatibility, "compatibility");
    }

    public SyncResult(
            Command command,
            String repository,
            int pullRequest,
            String headSha,
            String sender,
            Optional<Plan> plan,
            List<StepOutcome> applied,
            List<SchemaError> errors,
            Optional<String> refusal,
            Optional<String> notice) {
        this(
                command,
                repository,
                pullRequest,
                headSha,
                sender,
                plan,
                applied,
                errors,
                refusal,
                notice,
                Optional.empty());
    }

    /** One write to Datadog and how it went. */
    public record StepOutcome(Plan.Step step, Optional<String> error) {
        public boolean ok() {
            return error.isEmpty();
        }
    }

    /** What a command did for a pull request, its schema errors sorted by file and line. */
    public static SyncResult of(
            CommandRequest request,
            String sha,
            Optional<Plan> plan,
            List<StepOutcome> applied,
            List<SchemaError> errors,
            Optional<String> refusal) {
        List<SchemaError> sorted = errors.stream()
                .sorted(Comparator.comparing(SchemaError::schemaPath).thenComparingInt(SchemaError::line))
                .toList();
        return new SyncResult(
                request.command(),
                request.repository(),
                request.pullRequest(),
                sha,
                request.sender(),
                plan,
                applied,
                sorted,
                refusal,
                Optional.empty());
    }

    /** A command that was not carried out, and why. */
    public static SyncResult refused(CommandRequest request, String sha, String why) {
        return of(request, sha, Optional.empty(), List.of(), List.of(), Optional.of(why));
    }

    public SyncResult withNotice(String text) {
        return new SyncResult(
                command,
                repository,
                pullRequest,
                headSha,
                sender,
                plan,
                applied,
                errors,
                refusal,
                Optional.of(text),
                compatibility);
    }

    public SyncResult withCompatibility(Optional<CompatibilityReport> report) {
        return new SyncResult(
                command, repository, pullRequest, headSha, sender, plan, applied, errors, refusal, notice, report);
    }

    /** How many writes of this kind Datadog took. */
    public long done(Class<? extends Plan.Step> kind) {
        return applied.stream().filter(s -> s.ok() && kind.isInstance(s.step())).count();
    }

    /** How many writes Datadog refused or that failed. */
    public long writeFailures() {
        return applied.stream().filter(s -> !s.ok()).count();
    }

    public boolean failed() {
        return refusal.isPresent()
                || !errors.isEmpty()
                || applied.stream().anyMatch(s -> !s.ok())
                || plan.map(p -> p.count(Plan.Conflict.class) > 0).orElse(false);
    }
}
