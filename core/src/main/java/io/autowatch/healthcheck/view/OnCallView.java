package io.autowatch.healthcheck.view;

import io.autowatch.counts.JobId;
import io.autowatch.healthcheck.StoredResults;
import io.autowatch.healthcheck.alert.AlertLedger;
import io.autowatch.healthcheck.alert.OpenIncident;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Builds the on-call page from the stored results and the open incidents: the widget's and the CLI's one service. */
public final class OnCallView {

    /** The longest range one chart draws. */
    public static final int MAX_DAYS = 400;

    /**
     * What the viewer asked for.
     *
     * @param job  a job's chart, or empty for the open incidents
     * @param from first day of the chart (default 90 days before {@code to})
     * @param to   last day (default yesterday, UTC)
     * @param width the space the page has, in pixels
     */
    public record Request(Optional<String> job, Optional<LocalDate> from, Optional<LocalDate> to, int width) {}

    private final StoredResults results;
    private final AlertLedger ledger;
    private final Clock clock;

    public OnCallView(StoredResults results, AlertLedger ledger, Clock clock) {
        this.results = results;
        this.ledger = ledger;
        this.clock = clock;
    }

    public String render(Request request, PageLinks links) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<OpenIncident> open = List.copyOf(ledger.openIncidents().values());
        if (request.job().isEmpty()) {
            return OnCallPage.incidents(open, today, links);
        }
        String job = request.job().get().strip();
        if (!JobId.isValid(job)) {
            return "<p class=\"critical\">Not a job id: " + Html.text(abbreviate(job)) + "</p>"
                    + OnCallPage.incidents(open, today, links);
        }
        LocalDate to = request.to().orElse(today.minusDays(1));
        LocalDate from = request.from().filter(f -> !f.isAfter(to)).orElse(to.minusDays(89));
        if (from.isBefore(to.minusDays(MAX_DAYS - 1))) {
            from = to.minusDays(MAX_DAYS - 1);
        }
        Optional<OpenIncident> incident =
                open.stream().filter(i -> i.job().value().equals(job)).findFirst();
        return OnCallPage.job(job, results.between(job, from, to), incident, request.width(), links);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 79) + "…";
    }
}
