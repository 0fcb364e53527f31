package io.autowatch.schemasync.report;

/** What {@code esm help} answers: the commands, autoplan, and an annotation to copy. */
final class HelpText {

    private HelpText() {}

    static final String TEXT = """
            Comment one of these on a pull request that changes `.avdl` schemas:

            | Command | What it does |
            |---|---|
            | `esm plan` | shows which Datadog monitors the annotations would create, update or delete |
            | `esm register` | makes Datadog match the annotations (write, maintain or admin permission) |
            | `esm help` | this message |

            autowatch also posts the plan by itself when a pull request that changes schemas is opened or pushed to
            (unless the repository's `autowatch.json` says `"autoplan": false`); it never applies it.

            Annotate a record to give it monitors:

            ```
            @monitor({"type": "traffic_anomaly", "deviations": 3, "notify": ["@slack-my-team"]})
            record AddToCartEvent { ... }

            @monitors([{"type": "low_volume", "threshold": 100, "window": "1h"},
                       {"type": "error_rate", "percent": 5}])
            record CheckoutEvent { ... }
            ```

            Types: `traffic_anomaly`, `low_volume`, `error_rate`. Common fields: `priority` (1–5), `notify`, `tags`,
            `message`. Remove an annotation and register again to delete its monitor. The README's annotation
            reference lists every field.
            """;
}
