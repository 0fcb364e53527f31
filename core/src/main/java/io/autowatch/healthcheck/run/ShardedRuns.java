package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.CheckRequest;
import io.autowatch.healthcheck.CountsReader;
import io.autowatch.healthcheck.JobRegistry;
import io.autowatch.healthcheck.RunDays;
import io.autowatch.healthcheck.alert.AlertPublisher;
import io.autowatch.healthcheck.alert.FailedJobs;
import io.autowatch.healthcheck.settings.SettingsSource;
import io.autowatch.log.Log;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run split over shards, as the workflow runs it (README, "A run in shards"): {@link #plan} counts the jobs and
 * names the shards, once per day; each shard is an ordinary run of its part ({@link HealthCheckService#run} with the
 * request's shard); {@link #summarize} adds the shards up, logs the run's metrics, and tells the chat which shards
 * failed and how to run them again.
 */
public final class ShardedRuns {

    private static final Log LOG = Log.of(ShardedRuns.class);

    private final JobRegistry registry;
    private final RunDays runDays;
    private final CountsReader counts;
    private final SettingsSource settings;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final int jobsPerShard;

    public ShardedRuns(
            JobRegistry registry,
            RunDays runDays,
            CountsReader counts,
            SettingsSource settings,
            AlertPublisher publisher,
            Clock clock,
            int jobsPerShard) {
        this.registry = Objects.requireNonNull(registry);
        this.runDays = Objects.requireNonNull(runDays);
        this.counts = Objects.requireNonNull(counts);
        this.settings = Objects.requireNonNull(settings);
        this.publisher = Objects.requireNonNull(publisher);
        this.clock = Objects.requireNonNull(clock);
        this.jobsPerShard = jobsPerShard;
    }

    /**
     * Plans the run of {@code request}'s day for {@code execution}: none when another execution planned that day.
     * The first plan of a deployment that predates the registry fills it from the counts stored (README, Changelog).
     */
    public RunPlan plan(CheckRequest request, String execution) {
        LocalDate day = request.dayFor(ZoneOffset.UTC);
        String holder = runDays.claim(day, execution);
        if (!holder.equals(execution)) {
            LOG.warn("run_already_planned", "day", day, "execution", execution, "heldBy", holder);
            return new RunPlan(day, request.time(), request.run(), 0, List.of(), Optional.of(holder));
        }
        // A day either side: a job's own time zone may put its checked day there.
        LocalDate since = day.minusDays(settings.load().maxLookbackDays() + 1L);
        if (!registry.filled()) {
            LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
            RegistryBackfill.fill(counts, registry, since, today);
            registry.markFilled(today);
        }
        long jobs = registry.count(since);
        RunPlan plan = new RunPlan(
                day, request.time(), request.run(), jobs, ShardPlan.of(jobs, jobsPerShard), Optional.empty());
        LOG.info(
                "run_planned",
                "day",
                day,
                "execution",
                execution,
                "jobs",
                jobs,
                "shards",
                plan.shards().size());
        return plan;
    }

    /**
     * The run's totals from its shards' outcomes, logged as the run's metrics; when shards failed, one chat message
     * names them and the command that runs them again.
     */
    public Map<String, Object> summarize(RunPlan plan, List<ShardOutcome> outcomes, String execution) {
        Map<String, Long> totals = new LinkedHashMap<>();
        List<FailedJobs.Failure> failed = new ArrayList<>();
        for (ShardOutcome outcome : outcomes) {
            switch (outcome) {
                case ShardOutcome.Done done ->
                    done.fields().forEach((field, value) -> {
                        if (value instanceof Number n) {
                            totals.merge(field, n.longValue(), Long::sum);
                        }
                    });
                case ShardOutcome.Failed f ->
                    failed.add(new FailedJobs.Failure(
                            JobId.of(f.shard().toString()),
                            plan.day(),
                            "its worker failed after retries (" + f.error() + ": " + f.cause() + "); its jobs were not"
                                    + " checked. Run them again with: aws stepfunctions redrive-execution"
                                    + " --execution-arn " + execution));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("day", plan.day().toString());
        summary.put("shards", outcomes.size());
        summary.put("shardsFailed", failed.size());
        summary.putAll(totals);
        RunLog.shardedRunCompleted(execution, summary);
        if (!failed.isEmpty()) {
            try {
                publisher.publishFailures(new FailedJobs("the sharded run of " + plan.day(), failed));
            } catch (RuntimeException e) {
                LOG.error("failed_shards_notice_failed", "shards", failed.size(), "error", e.toString());
            }
        }
        return summary;
    }
}
