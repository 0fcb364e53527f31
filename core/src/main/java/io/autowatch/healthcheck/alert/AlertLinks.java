package io.autowatch.healthcheck.alert;

import io.autowatch.counts.JobId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a notice links to: the on-call dashboard, configured by the deployment. A {@code {job}} in the address is
 * replaced by the URL-encoded job id (the local dashboard opens the job's chart); without one, every notice links to
 * the same page, which lists the jobs with open incidents first.
 */
public record AlertLinks(Optional<String> dashboard) {

    public static AlertLinks none() {
        return new AlertLinks(Optional.empty());
    }

    /** From configuration: blank means no link. Only http and https addresses are used. */
    public static AlertLinks of(String dashboard) {
        if (dashboard == null || dashboard.isBlank()) {
            return none();
        }
        String url = dashboard.strip();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("the dashboard address must start with https:// or http://: " + url);
        }
        return new AlertLinks(Optional.of(url));
    }

    /** The link for one job's notices. */
    public Optional<String> chart(JobId job) {
        return dashboard.map(url -> url.replace("{job}", URLEncoder.encode(job.value(), StandardCharsets.UTF_8)));
    }
}
