package dev.takedown.notices;

/** The request does not fit where the case stands (e.g. a second counter-notice, an appeal after its window). */
public class CaseStateException extends RuntimeException {

    public CaseStateException(String message) {
        super(message);
    }
}
