package dev.takedown.review;

import java.time.Instant;
import java.util.Optional;

/**
 * One internal complaint (DSA Art. 20) as filed, and its outcome once decided.
 *
 * @param decisionId the case decision complained about, or the standing change of a suspension or termination
 */
record Complaint(
        String complaintId,
        String caseId,
        Complainant complainant,
        ComplaintSubject subject,
        String decisionId,
        String filedBy,
        Optional<Outcome> outcome) {

    /** How the complaint was decided, by whom and why. */
    record Outcome(boolean reversed, String decidedBy, Instant decidedAt, String reason) {}
}
