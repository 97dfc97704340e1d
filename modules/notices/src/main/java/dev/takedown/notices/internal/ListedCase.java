package dev.takedown.notices.internal;

import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.CaseSummary;
import java.time.Instant;
import java.util.UUID;

/** A case as lists show it, read in one query: a bulk upload leaves a case with 100,000 targets to count. */
public record ListedCase(UUID id, CaseStatus status, String workTitle, int targetCount, Instant receivedAt) {

    public CaseSummary summary() {
        return new CaseSummary(id.toString(), status, workTitle, targetCount, receivedAt);
    }
}
