package io.autowatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The public test data beside the repository ({@code ../shared/corpus}). A user's clone has none: tests that need it
 * are skipped with a message that says so, and the project's own fixtures cover the same ground.
 */
public final class SharedCorpus {

    private SharedCorpus() {}

    /** The corpus folder {@code name}, or the test is skipped. */
    public static Path folder(String name) {
        Path root = Path.of(System.getProperty("autowatch.repo.root", "."))
                .toAbsolutePath()
                .normalize();
        Path folder = root.resolveSibling("shared").resolve("corpus").resolve(name);
        if (!Files.isDirectory(folder)) {
            String message = "SKIPPED: " + folder + " is not here (only the team's workspace has ../shared/corpus)";
            // On the console, not only in the report: a reader of the build output sees what did not run.
            System.err.println("*** " + message);
            Assumptions.abort(message);
        }
        return folder;
    }

    /** The repository's root folder (for events/ and other checked-in fixtures). */
    public static Path repoRoot() {
        return Path.of(System.getProperty("autowatch.repo.root", "."))
                .toAbsolutePath()
                .normalize();
    }
}
