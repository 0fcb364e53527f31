package io.autowatch.schemasync;

import io.autowatch.log.Log;
import io.autowatch.schemasync.intake.CommandRequest;
import io.autowatch.schemasync.report.SyncResult;

/** One log line per carried-out command, with the identifiers an operator searches by. */
final class CommandLog {

    private static final Log LOG = Log.of(SchemaSyncService.class);

    private CommandLog() {}

    static void completed(CommandRequest request, SyncResult result) {
        LOG.info(
                "command_completed",
                "delivery",
                request.deliveryId(),
                "repository",
                request.repository(),
                "pullRequest",
                request.pullRequest(),
                "command",
                request.command().text(),
                "sender",
                request.sender(),
                "failed",
                result.failed(),
                "errors",
                result.errors().size(),
                "refusal",
                result.refusal().orElse(null),
                "steps",
                result.plan().map(p -> p.steps().size()).orElse(0),
                "writes",
                result.applied().size(),
                "writeFailures",
                result.writeFailures());
    }
}
