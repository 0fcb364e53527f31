package io.autowatch.health;

import java.time.LocalDate;
import java.util.List;

/** Reads back the results that runs stored through {@link ResultStore} (port). */
public interface StoredResults {

    /** Every job's most recent stored result, in no particular order. */
    List<StoredResult> latest();

    /** One job's stored results from {@code from} to {@code to}, oldest first. */
    List<StoredResult> between(String job, LocalDate from, LocalDate to);
}
