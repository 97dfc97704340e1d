package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A remediation as the owner and the regulator see it; {@code ownerId} is the organisation that must remedy,
 * {@code lastFailure} says why the last verification failed or the widening was refused.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationView(
        String remediationId,
        String caseId,
        String ownerId,
        RemediationStatus status,
        Instant openedAt,
        Instant dueAt,
        Instant escalatedAt,
        Instant verifiedAt,
        Instant withdrawnAt,
        String lastFailure) {

    public boolean overdue(Instant now) {
        return status.isOpen() && now.isAfter(dueAt);
    }
}
