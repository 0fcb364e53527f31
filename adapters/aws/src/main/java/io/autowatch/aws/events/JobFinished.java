package io.autowatch.aws.events;

import io.autowatch.counts.JobId;
import io.autowatch.json.Json;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * For Java jobs: asks for the job's health check as it finishes, with the event the template's rule matches on the
 * default bus ({@code source} {@value #SOURCE}, {@code detail-type} {@value #DETAIL_TYPE}). The check then runs
 * within seconds for that job and day; the daily run still checks every job, and each alert is sent once.
 */
public final class JobFinished {

    public static final String SOURCE = "autowatch.jobs";
    public static final String DETAIL_TYPE = "Job Finished";

    private final EventBridgeClient events;

    public JobFinished(EventBridgeClient events) {
        this.events = events;
    }

    /** @return the event's id */
    public String send(JobId job, LocalDate day) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .source(SOURCE)
                .detailType(DETAIL_TYPE)
                .detail(Json.write(Map.of("job", job.value(), "day", day.toString())))
                .build();
        var response = events.putEvents(b -> b.entries(entry));
        if (response.failedEntryCount() > 0) {
            var refused = response.entries().getFirst();
            throw new IllegalStateException("EventBridge refused the event for " + job + " on " + day + ": "
                    + refused.errorCode() + " " + refused.errorMessage());
        }
        return response.entries().getFirst().eventId();
    }
}
