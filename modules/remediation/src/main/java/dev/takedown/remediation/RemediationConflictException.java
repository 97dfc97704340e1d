package dev.takedown.remediation;

/** The remediation is not waiting for the owner (a verification is running, or it is already verified). */
public class RemediationConflictException extends RuntimeException {

    public RemediationConflictException(String message) {
        super(message);
    }
}
