package io.autowatch.schemasync;

import io.autowatch.log.Log;
import io.autowatch.monitor.MonitorStore;
import io.autowatch.monitor.MonitorStore.MonitorStoreException;
import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.report.SyncResult.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes a plan to Datadog, step by step: validated first, and one step's failure never stops the others. */
final class PlanWriter {

    private static final Log LOG = Log.of(MonitorSync.class);

    private PlanWriter() {}

    /** Writes the plan; a step that fails is recorded with Datadog's words and the others go on. */
    static List<StepOutcome> apply(MonitorStore datadog, Plan plan) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            Optional<String> error = Optional.empty();
            try {
                switch (step) {
                    case Plan.Create c -> {
                        datadog.validate(c.desired());
                        datadog.create(c.desired());
                    }
                    case Plan.Update u -> {
                        datadog.validate(u.desired());
                        datadog.update(u.id(), u.desired());
                    }
                    case Plan.Delete d -> datadog.delete(d.existing().id());
                    case Plan.Unchanged ignored -> {
                        continue;
                    }
                    case Plan.Conflict ignored -> {
                        continue;
                    }
                }
            } catch (MonitorStoreException e) {
                error = Optional.of(e.getMessage() + hint(step, e));
                LOG.warn("monitor_write_failed", "monitor", step.name(), "error", e.getMessage());
            }
            outcomes.add(new StepOutcome(step, error));
        }
        return outcomes;
    }

    /** What the reader can do about a refusal that has a known cause. */
    private static String hint(Plan.Step step, MonitorStoreException e) {
        boolean anomaly =
                switch (step) {
                    case Plan.Create c -> c.desired().query().contains("anomalies(");
                    case Plan.Update u -> u.desired().query().contains("anomalies(");
                    default -> false;
                };
        return anomaly && (e.status() == 400 || e.status() == 403)
                ? " (Datadog creates anomaly monitors through its API only on some plans: if yours is not one,"
                        + " use low_volume or error_rate instead)"
                : "";
    }
}
