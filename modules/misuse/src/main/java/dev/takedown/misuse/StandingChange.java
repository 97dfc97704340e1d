package dev.takedown.misuse;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One decision on a party's standing: the party may complain about it (DSA Art. 20) by its {@code changeId}.
 *
 * @param caseId     the case whose finding triggered it (a reinstatement, lift or reversal: that of the change it
 *                   ended)
 * @param until      the end of a suspension; null for other changes
 * @param assessment the weighing behind a warning, suspension or termination; null for a change that ended one
 * @param reason     a compliance officer's reasons for an early lift, or why a complaint reversed a suspension or
 *                   termination; null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StandingChange(
        String changeId,
        Party party,
        StandingChangeKind change,
        Instant at,
        Instant until,
        String caseId,
        String actor,
        Assessment assessment,
        String reason) {}
