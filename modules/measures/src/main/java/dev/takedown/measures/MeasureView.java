package dev.takedown.measures;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.events.ScreeningRule;
import java.time.Instant;

/**
 * A measure: on one target, or (filters) on every generation request matching its rule.
 *
 * @param enforcement    what the platform answered to the measure's last command; null before it is applied
 * @param enforcedAt     when the platform confirmed the measure in effect, by its clock: the time of removal
 * @param liftEnforcedAt when the platform confirmed the lift, by its clock: the time of restoration
 * @param accountId      the account an account measure acts on; null for other measures
 * @param standingChangeId the account's standing change (DSA Art. 23) the measure carries out; null for a measure a
 *                       decision on the case imposed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MeasureView(
        String measureId,
        String caseId,
        MeasureType type,
        String targetUrl,
        ScreeningRule rule,
        MeasureStatus status,
        Instant appliedAt,
        Instant liftedAt,
        EnforcementStatus enforcement,
        Instant enforcedAt,
        Instant liftEnforcedAt,
        String accountId,
        String standingChangeId) {}
