package dev.takedownfixture.archunit;

import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.internal.Notice;
import java.time.Instant;

/** Moves a case on outside the lifecycle. */
class StrayCaseWriter {

    void close(Notice notice) {
        notice.moveTo(CaseStatus.CLOSED, "someone", "closed behind the lifecycle's back", Instant.EPOCH);
    }
}
