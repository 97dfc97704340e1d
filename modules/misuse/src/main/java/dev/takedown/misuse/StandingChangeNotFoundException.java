package dev.takedown.misuse;

/** No standing change with that id. */
public class StandingChangeNotFoundException extends RuntimeException {

    public StandingChangeNotFoundException(String changeId) {
        super("no standing change " + changeId);
    }
}
