package dev.takedown.notifiers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A competent authority as a compliance officer enters it.
 *
 * @param country    ISO 3166-1 alpha-2
 * @param kind       an {@link AuthorityKind} name
 * @param legalBases the provisions it issues orders under, as its orders cite them (e.g. {@code DSA Art. 9})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthorityDetails(
        String name, String country, String kind, String contact, List<String> legalBases, List<String> credentials) {

    public AuthorityDetails {
        legalBases = legalBases == null ? List.of() : legalBases;
        credentials = credentials == null ? List.of() : credentials;
    }
}
