package io.autowatch.healthcheck;

/**
 * A failure of the system rather than of one job: a table or topic that does not exist, access that is denied.
 * It fails the whole invocation, so that the schedule's retry policy and dead-letter queue take over.
 */
public class SystemFailureException extends RuntimeException {
    public SystemFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
