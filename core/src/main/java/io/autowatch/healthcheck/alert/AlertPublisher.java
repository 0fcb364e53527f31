package io.autowatch.healthcheck.alert;

/** Sends a notification to the people who need it (port; the SNS adapter publishes to the topics). */
public interface AlertPublisher {

    /**
     * @throws SystemFailureException when no notification can be sent (topic missing, access denied)
     * @throws RuntimeException       for a failure of this notification only; the caller retries it next run
     */
    void publish(Notification notification);

    /**
     * Tells the chat channel which jobs a run could not check or notify about, in one message. A publisher without a
     * chat channel ignores it; the run's log lines say the same.
     */
    default void publishFailures(FailedJobs failed) {}

    /**
     * Resolves a retired job's incident where it was raised (its chat thread, and PagerDuty if it paged).
     *
     * @throws RuntimeException when it cannot; the incident then stays open
     */
    default void publishRetirement(Retirement retirement) {
        throw new UnsupportedOperationException("this publisher cannot resolve an incident by retirement");
    }
}
