package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A remediation as the owner and the regulator see it; {@code lastFailure} says why the last verification failed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationView(
        String remediationId,
        String caseId,
        RemediationStatus status,
        Instant openedAt,
        Instant dueAt,
        Instant escalatedAt,
        Instant verifiedAt,
        String lastFailure) {

    public boolean overdue(Instant now) {
        return (status == RemediationStatus.AWAITING_OWNER || status == RemediationStatus.VERIFYING)
                && now.isAfter(dueAt);
    }
}
