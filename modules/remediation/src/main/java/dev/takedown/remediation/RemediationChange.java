package dev.takedown.remediation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * What the model owner says changed. {@code addedTerms} widen the case's filter measures only once a moderator
 * approved them ({@code widening}); the decision's who, when and why are kept beside them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationChange(
        String changeId,
        String filterVersion,
        String modelVersion,
        String description,
        List<String> addedTerms,
        String recordedBy,
        Instant recordedAt,
        WideningReview widening,
        String wideningDecidedBy,
        Instant wideningDecidedAt,
        String wideningReason) {}
