package dev.takedown.correspondence;

/** No letter by that id. */
public class LetterNotFoundException extends RuntimeException {

    public LetterNotFoundException(String letterId) {
        super("no letter " + letterId);
    }
}
