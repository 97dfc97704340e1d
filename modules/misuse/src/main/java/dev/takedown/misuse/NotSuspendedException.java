package dev.takedown.misuse;

/** An early lift named a change that is not a suspension in force. */
public class NotSuspendedException extends RuntimeException {

    public NotSuspendedException(String message) {
        super(message);
    }
}
