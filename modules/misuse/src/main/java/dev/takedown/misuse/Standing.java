package dev.takedown.misuse;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * Where a party stands now. A suspension past its end reads as {@link StandingStatus#WARNED} even before the
 * reinstatement job has recorded it, so nobody is held a minute longer than decided.
 *
 * @param since    when the current status began; null in good standing never changed
 * @param until    the end of a suspension; null otherwise
 * @param caseId   the case of the last change
 * @param changeId the last change (a suspension's id is what an early lift or a complaint names)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Standing(
        Party party, StandingStatus status, Instant since, Instant until, String caseId, String changeId) {

    public static Standing good(Party party) {
        return new Standing(party, StandingStatus.GOOD_STANDING, null, null, null, null);
    }

    public boolean suspended() {
        return status == StandingStatus.SUSPENDED;
    }
}
