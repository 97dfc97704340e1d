package dev.takedown.notices;

/** The idempotency key was already used for a different notice. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different notice");
    }
}
