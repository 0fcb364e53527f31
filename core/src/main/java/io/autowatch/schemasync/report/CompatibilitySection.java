package io.autowatch.schemasync.report;

import io.autowatch.schemasync.compat.CompatibilityLevel;
import io.autowatch.schemasync.compat.CompatibilityReport;
import java.util.Locale;

/** The status comment's compatibility section: the level, and each incompatible change with its file and line. */
final class CompatibilitySection {

    /** More than this many are counted, not listed: the comment must fit GitHub's limit. */
    private static final int MAX_LISTED = 30;

    private CompatibilitySection() {}

    /** The sentence with its `names` as code spans and the rest as text, each escaped as such. */
    static String words(String words) {
        String[] parts = words.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 1 && i < parts.length - 1 ? Markdown.code(parts[i]) : Markdown.text(parts[i]));
        }
        return out.toString();
    }

    static String render(CompatibilityReport report) {
        StringBuilder out = new StringBuilder("**Compatibility** (")
                .append(report.level().name().toLowerCase(Locale.ROOT))
                .append("): ");
        if (report.level() == CompatibilityLevel.NONE) {
            out.append("not checked; the repository's `autowatch.json` sets `\"compatibility\": \"NONE\"`.");
        } else if (report.compatible()) {
            out.append(
                    report.changedRecords() == 0
                            ? "no record's schema changed (annotation and comment edits are not schema changes)."
                            : report.changedRecords() + " changed record(s), each readable as the level asks.");
        } else {
            out.append(report.problems().size())
                    .append(" incompatible change(s). `esm register` refuses them; comment `esm register "
                            + "--allow-incompatible` to register anyway.\n\n");
            report.problems().stream().limit(MAX_LISTED).forEach(p -> out.append("- ")
                    .append(Markdown.code(p.schemaPath() + ":" + p.line()))
                    .append(", record ")
                    .append(Markdown.code(p.record()))
                    .append(": ")
                    .append(words(p.words()))
                    .append('\n'));
            if (report.problems().size() > MAX_LISTED) {
                out.append("- …and ")
                        .append(report.problems().size() - MAX_LISTED)
                        .append(" more\n");
            }
        }
        report.configProblem().ifPresent(p -> out.append("\n\n**Note:** ").append(Markdown.text(p)));
        return out.append("\n\n").toString();
    }
}
