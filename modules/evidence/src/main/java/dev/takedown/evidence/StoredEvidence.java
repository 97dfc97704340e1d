package dev.takedown.evidence;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One evidence file linked to a case: the bytes are named by their SHA-256, the media type was detected from them
 * (never from the name), the display name is the declared file name made safe to show and to send back.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoredEvidence(
        String sha256, String mediaType, long size, String displayName, String uploadedBy, Instant storedAt) {}
