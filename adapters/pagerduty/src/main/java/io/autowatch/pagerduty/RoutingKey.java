package io.autowatch.pagerduty;

/** The Events API v2 integration key, as the routing key secret must hold it. */
public final class RoutingKey {

    private RoutingKey() {}

    /** The secret as a routing key, or why it is not one; the value itself is never in the message. */
    public static String parse(String secret) {
        if (secret == null) {
            throw new IllegalStateException("the PagerDuty routing key secret holds no text (a binary secret?)");
        }
        String key = secret.strip();
        if (!key.matches("[A-Za-z0-9]{32}")) {
            throw new IllegalStateException("the PagerDuty routing key secret must hold the 32-character integration "
                    + "key as plain text (not key/value JSON); it holds " + key.length() + " characters");
        }
        return key;
    }
}
