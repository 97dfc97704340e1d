package dev.takedown.remediation;

/**
 * The result of checking a recorded change against the case's replay suites. {@code PENDING} is never stored: the
 * suites have not yet been replayed after the change, so the process waits and asks again.
 */
public enum VerificationOutcome {
    PASSED,
    FAILED,
    NO_REPLAY_SUITE,
    PENDING
}
