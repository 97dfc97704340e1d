package dev.takedown.notifiers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A trusted flagger (DSA Art. 22) as registered: the entity, the Digital Services Coordinator that awarded the status
 * and its member state, the areas of expertise it was awarded, when the status applies (UTC days, both inclusive), the
 * credentials (account names or {@code api-key:<prefix>}) its notices come through, and a revocation with reasons.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrustedFlagger(
        String id,
        String entity,
        String coordinator,
        String coordinatorCountry,
        List<ExpertiseArea> areas,
        LocalDate validFrom,
        LocalDate validUntil,
        List<String> credentials,
        String registeredBy,
        Instant registeredAt,
        Instant revokedAt,
        String revokedBy,
        String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
