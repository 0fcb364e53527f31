package io.autowatch.healthcheck;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads back the results that runs stored through {@link ResultStore} (port). */
public interface StoredResults {

    /** Every job's most recent stored result, in no particular order. */
    List<StoredResult> latest();

    /** Each job's most recent day that alerted (jobs that never alerted are absent). */
    default Map<String, LocalDate> lastAlertDays() {
        return overview().lastAlertDays();
    }

    /** Every job's latest result and its latest alerting day, for a job list. */
    record Overview(List<StoredResult> latest, Map<String, LocalDate> lastAlertDays) {}

    /** {@link #latest} and {@link #lastAlertDays} together; a store that must scan for them scans once. */
    default Overview overview() {
        List<StoredResult> latest = latest();
        Map<String, LocalDate> days = new HashMap<>();
        for (StoredResult r : latest) {
            if (r.alerted()) {
                days.put(r.job(), r.day());
            }
        }
        return new Overview(latest, days);
    }

    /** One job's stored results from {@code from} to {@code to}, oldest first. */
    List<StoredResult> between(String job, LocalDate from, LocalDate to);
}
