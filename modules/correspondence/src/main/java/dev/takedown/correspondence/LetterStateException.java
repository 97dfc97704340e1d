package dev.takedown.correspondence;

/** The letter is not where the step requires (e.g. recording the delivery of one already delivered). */
public class LetterStateException extends RuntimeException {

    public LetterStateException(String message) {
        super(message);
    }
}
