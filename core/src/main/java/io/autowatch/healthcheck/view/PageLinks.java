package io.autowatch.healthcheck.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How the on-call page links to a job's chart. In a CloudWatch custom widget no script runs and a link cannot reach
 * the widget, so a link is followed by a {@code cwdb-action} that calls the widget's function again with the job; on
 * the web page ({@code ./autowatch dashboard}) it is a plain link.
 */
public sealed interface PageLinks permits PageLinks.Widget, PageLinks.Web {

    /** A link (or button) to {@code job}'s chart, labelled {@code label} (already escaped). */
    String toJob(String job, String label);

    /** A form to open any job's chart by its id. */
    String jobForm();

    /** Back to the list of open incidents. */
    String toList();

    /** Links for a CloudWatch custom widget whose function is {@code functionArn}. */
    record Widget(String functionArn) implements PageLinks {
        @Override
        public String toJob(String job, String label) {
            return "<a class=\"btn\">" + label + "</a>" + action(Map.of("job", job));
        }

        @Override
        public String jobForm() {
            // The widget passes its form's fields to the call as forms.all.
            return "<form><input name=\"job\" size=\"40\" placeholder=\"job id, e.g. email/daily-active/IN\"></form>"
                    + "<a class=\"btn btn-primary\">Show chart</a>" + action(Map.of());
        }

        @Override
        public String toList() {
            return "<a class=\"btn\">All open incidents</a>" + action(Map.of("view", "incidents"));
        }

        private String action(Map<String, String> params) {
            return "<cwdb-action action=\"call\" display=\"widget\" endpoint=\"" + Html.text(functionArn) + "\">"
                    + Html.json(params) + "</cwdb-action>";
        }
    }

    /** Links for a web page served at {@code base} (e.g. "/"). */
    record Web(String base) implements PageLinks {
        @Override
        public String toJob(String job, String label) {
            return "<a href=\"" + Html.text(base + "?job=" + URLEncoder.encode(job, StandardCharsets.UTF_8)) + "\">"
                    + label + "</a>";
        }

        @Override
        public String jobForm() {
            return "<form method=\"get\" action=\"" + Html.text(base) + "\"><input name=\"job\" size=\"40\" "
                    + "placeholder=\"job id, e.g. email/daily-active/IN\"> <button>Show chart</button></form>";
        }

        @Override
        public String toList() {
            return "<a href=\"" + Html.text(base) + "\">All open incidents</a>";
        }
    }
}
