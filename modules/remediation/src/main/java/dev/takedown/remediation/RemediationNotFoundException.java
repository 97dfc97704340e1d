package dev.takedown.remediation;

public class RemediationNotFoundException extends RuntimeException {

    public RemediationNotFoundException(String id) {
        super("no remediation " + id);
    }
}
