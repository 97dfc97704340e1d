package dev.takedown.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** One case as the ledger shows it: its notice's facts, its state, and the works and targets its measures name. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CaseOverview(
        String caseId,
        Instant receivedAt,
        String notifierOrganisation,
        String notifierType,
        String rightType,
        List<String> profiles,
        CaseState state,
        List<String> works,
        List<String> targets) {}
