package dev.takedown.notifiers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A competent authority whose orders the platform acts on (DSA Art. 9): its name, country (ISO 3166-1 alpha-2), kind,
 * contact, the legal bases it issues orders under, the credentials its orders come through, and a revocation with
 * reasons (an entry entered in error, an authority that lost its competence).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CompetentAuthority(
        String id,
        String name,
        String country,
        AuthorityKind kind,
        String contact,
        List<String> legalBases,
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
