package io.autowatch.healthcheck.run;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.Assessment;
import io.autowatch.healthcheck.CheckResult;
import io.autowatch.healthcheck.CheckResult.Checked;
import io.autowatch.healthcheck.HealthStatus;
import io.autowatch.healthcheck.alert.Notification;
import io.autowatch.healthcheck.alert.Notification.Alert;
import io.autowatch.healthcheck.alert.Notification.Recovery;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a run owes: an alert for every judged day that alerts, a recovery for every open incident now healthy. Pure. */
public final class DueNotifications {

    private DueNotifications() {}

    /**
     * @param open the open incidents by job; a recovery is due only for a day after the incident's last alert, so
     *             re-checking an old day does not close a newer incident
     */
    public static List<Notification> of(List<CheckResult> results, Map<JobId, OpenIncident> open, Instant now) {
        List<Notification> due = new ArrayList<>();
        for (CheckResult result : results) {
            if (!(result instanceof Checked c)) {
                continue;
            }
            OpenIncident incident = open.get(c.job());
            if (c.alerts()) {
                // An alert on an open incident stays in its thread; otherwise it opens one.
                LocalDate opened = incident != null ? incident.openedDay() : c.day();
                due.add(new Alert(c.job(), c.assessment(), c.settings(), now, opened));
            } else if (c.assessment().status() == HealthStatus.HEALTHY
                    && incident != null
                    && incident.lastAlertDay().isBefore(c.day())
                    && !unjudged(c.assessment())) {
                due.add(new Recovery(c.job(), c.assessment(), incident, now));
            }
        }
        return due;
    }

    /**
     * A day the policy did not really judge (an excluded date, or a drop on an expected-low date) says nothing about
     * recovery: an incident in the middle of a drop stays open across a holiday.
     */
    private static boolean unjudged(Assessment a) {
        return a.expectation().map(e -> e.verdict().unjudged()).orElse(false);
    }
}
