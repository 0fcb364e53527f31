package io.autowatch.healthcheck.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting for a run's parallel parts, with their failures thrown as they were raised. */
final class Futures {

    private Futures() {}

    /** Waits for the task; its failure, if any, is thrown by {@link #join}. */
    static void awaitQuietly(CompletableFuture<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // Reported by join().
        }
    }

    static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
