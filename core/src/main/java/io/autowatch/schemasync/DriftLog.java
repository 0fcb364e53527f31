package io.autowatch.schemasync;

import io.autowatch.log.Log;
import io.autowatch.monitor.Plan;
import io.autowatch.schemasync.report.SyncResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a drift check changed, as one log line that CloudWatch also reads as metrics (Embedded Metric Format, namespace
 * {@value #NAMESPACE}): how many monitors it repaired (made again, or set back to what the schema says), how many it
 * removed, and how many writes failed.
 */
final class DriftLog {

    static final String NAMESPACE = "autowatch/schema-sync";
    private static final Log LOG = Log.of(DriftLog.class);
    private static final List<String> METRICS =
            List.of("driftChecks", "monitorsRepaired", "monitorsRemoved", "driftWriteFailures");

    private DriftLog() {}

    static void checked(SyncResult result) {
        long repaired = result.done(Plan.Create.class) + result.done(Plan.Update.class);
        LOG.info(
                "drift_checked",
                "repository",
                result.repository(),
                "commit",
                result.headSha(),
                "refusal",
                result.refusal().orElse(null),
                "driftChecks",
                1,
                "monitorsRepaired",
                repaired,
                "monitorsRemoved",
                result.done(Plan.Delete.class),
                "driftWriteFailures",
                result.writeFailures(),
                "_aws",
                Map.of(
                        "Timestamp",
                        Instant.now().toEpochMilli(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                NAMESPACE,
                                "Dimensions",
                                List.of(List.of()),
                                "Metrics",
                                METRICS.stream()
                                        .map(name -> Map.of("Name", name, "Unit", "Count"))
                                        .toList()))));
    }
}
