package io.autowatch.schema;

/**
 * Remembers which GitHub deliveries were accepted, so that a redelivery (GitHub's "Redeliver" button, hours later)
 * is not carried out twice (port; the DynamoDB adapter keeps each for 30 days).
 */
public interface DeliveryLedger {

    /** Records the delivery; true the first time, false when it was recorded before. Atomic. */
    boolean firstTime(String deliveryId);

    /** Forgets the delivery, when it could not be handed on, so that a redelivery is accepted. */
    void forget(String deliveryId);
}
