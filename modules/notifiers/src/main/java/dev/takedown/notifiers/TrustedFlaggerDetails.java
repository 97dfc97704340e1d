package dev.takedown.notifiers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A trusted flagger as a compliance officer enters it; text throughout, so that every wrong value is named.
 *
 * @param coordinatorCountry the awarding coordinator's member state (ISO 3166-1 alpha-2, e.g. {@code IE})
 * @param areas              {@link ExpertiseArea} names
 * @param validFrom          first day of the status (ISO date, UTC)
 * @param validUntil         last day of the status (ISO date, UTC); none for open-ended
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrustedFlaggerDetails(
        String entity,
        String coordinator,
        String coordinatorCountry,
        List<String> areas,
        String validFrom,
        String validUntil,
        List<String> credentials) {

    public TrustedFlaggerDetails {
        areas = areas == null ? List.of() : areas;
        credentials = credentials == null ? List.of() : credentials;
    }
}
