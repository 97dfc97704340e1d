package dev.takedown.notices;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** A case as its readers see it: status, what was filed, and what happened when. */
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
        NoticeSubmission notice) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HistoryEntry(CaseStatus status, String actor, String note, Instant at) {}
}
