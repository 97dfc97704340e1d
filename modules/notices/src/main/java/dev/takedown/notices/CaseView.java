package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A case as its readers see it: status, what was filed, what happened when, and the outcome once decided (a notice
 * that joined another case gets that case's outcome once it is told).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseView(
        String caseId,
        String organisationId,
        CaseStatus status,
        List<String> jurisdictionProfiles,
        String channel,
        String notifierName,
        List<String> workTitles,
        List<String> targetUrls,
        Instant receivedAt,
        List<HistoryEntry> history,
        NoticeSubmission notice,
        CaseOutcome outcome) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HistoryEntry(CaseStatus status, String actor, String note, Instant at) {}
}
