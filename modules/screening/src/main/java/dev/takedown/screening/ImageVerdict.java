package dev.takedown.screening;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer for one image (or one PDQ hash).
 *
 * @param decision           ALLOW or BLOCK
 * @param measureIds         measures with a reference image within the distance, sorted
 * @param matches            each matching reference image
 * @param hash               the image's PDQ hash (as given, for a hash query)
 * @param quality            PDQ quality 0–100 of the decoded image; null for a hash query. Meta treats hashes
 *                           below 50 as unreliable.
 * @param licensedMeasureIds measures that matched but license the account
 * @param warning            the risk warning to show the user; null on ALLOW
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImageVerdict(
        Decision decision,
        List<String> measureIds,
        List<ImageMatch> matches,
        String hash,
        Integer quality,
        List<String> licensedMeasureIds,
        String warning) {

    /** A reference image of {@code measureId} within {@code distance} bits of the query (any dihedral variant). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ImageMatch(String measureId, String referenceHash, int distance) {}
}
