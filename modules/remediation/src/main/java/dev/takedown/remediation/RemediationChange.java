package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** What the model owner says changed; {@code addedTerms} widened the case's filter measures. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationChange(
        String changeId,
        String filterVersion,
        String modelVersion,
        String description,
        List<String> addedTerms,
        String recordedBy,
        Instant recordedAt) {}
