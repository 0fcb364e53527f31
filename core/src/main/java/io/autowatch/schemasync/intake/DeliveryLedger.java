package io.autowatch.schemasync.intake;

/**
 * Remembers which commands were accepted (by {@link CommandRequest#onceKey}: the comment, or the pushed commit), so
 * that a redelivery (GitHub's "Redeliver" button, hours later, or a replay) is not carried out twice (port; the
 * DynamoDB adapter keeps each for 30 days).
 */
public interface DeliveryLedger {

    /** Records the key; true the first time, false when it was recorded before. Atomic. */
    boolean firstTime(String key);

    /** Forgets the key, when the command could not be handed on, so that a redelivery is accepted. */
    void forget(String key);
}
