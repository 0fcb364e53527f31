package io.autowatch.schemasync.intake;

import java.util.List;

/**
 * The repositories whose webhook has delivered a command, a pull request or a push lately: the ones the drift check
 * reconciles (port; the schema-sync table implements it, each entry forgotten after a quiet spell).
 */
public interface KnownRepositories {

    /** At most this many are checked per run: a bound on what one scheduled run may cost. */
    int MAX = 1_000;

    /** At most this many are read: a bound on the list itself. */
    int MAX_READ = 100_000;

    /** Records that {@code repository} ({@code owner/name}) is in use now. */
    void remember(String repository);

    /** The repositories remembered, at most {@link #MAX_READ}, in a stable order. */
    List<String> all();
}
