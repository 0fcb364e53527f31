package io.autowatch.healthcheck;

import io.autowatch.counts.JobId;
import java.util.List;
import java.util.Set;

/** Keeps every check result, one per job and day; a later run of the same day replaces it (port). */
public interface ResultStore {

    /**
     * Stores the results.
     *
     * @return the jobs whose result could not be stored after retries (the others are stored)
     * @throws SystemFailureException when nothing can be stored (table missing, access denied)
     */
    Set<JobId> saveAll(List<CheckResult> results);
}
