package dev.takedown.misuse;

/**
 * A reversal on complaint named a change that is not a suspension or termination in force: the suspension ended or
 * was lifted, the termination was reversed already, or the party's standing changed since.
 */
public class NotInForceException extends RuntimeException {

    public NotInForceException(String message) {
        super(message);
    }
}
