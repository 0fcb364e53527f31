package io.autowatch.healthcheck.run;

import io.autowatch.healthcheck.SystemFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs tasks on a shared pool and waits for all of them, so that no task is left running behind a failure. */
public final class Parallel {

    private Parallel() {}

    /**
     * Runs every task and waits for all. When any failed, throws a {@link SystemFailureException} among the failures
     * if there is one (it decides the invocation's fate), else the first failure.
     *
     * @return the tasks' results, in order
     */
    public static <T> List<T> all(ExecutorService executor, List<? extends Callable<T>> tasks) {
        return awaitAll(tasks.stream().map(executor::submit).toList());
    }

    /**
     * Waits for every one of {@code futures}, submitted as their work came in. When any failed, throws as
     * {@link #all} does.
     *
     * @return the futures' results, in order
     */
    public static <T> List<T> awaitAll(List<Future<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        RuntimeException first = null;
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while waiting for parallel work", e);
            } catch (ExecutionException e) {
                RuntimeException failure =
                        e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (first == null
                        || (failure instanceof SystemFailureException && !(first instanceof SystemFailureException))) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }
}
