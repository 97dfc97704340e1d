package dev.takedown.workflow;

/** No open incident with that id, or one that no retry can resolve. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(String incidentId) {
        super("no open incident " + incidentId + " that a retry resolves");
    }
}
