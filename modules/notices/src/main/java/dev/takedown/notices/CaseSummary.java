package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** One line of a case list. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseSummary(String caseId, CaseStatus status, String workTitle, int targetCount, Instant receivedAt) {}
