package dev.takedown.measures;

/**
 * A platform's answer that cannot be taken as one: for no measure of ours, for another version of its command, of
 * the wrong kind, or not from the platform. Not retryable: the consumer dead-letters it with this reason.
 */
public class AcknowledgementRefusedException extends IllegalArgumentException {

    public AcknowledgementRefusedException(String message) {
        super(message);
    }
}
