package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An internal complaint (DSA Art. 20) against one decision, by a party it affects.
 *
 * @param subject    what was decided: {@code NO_ACTION}, {@code MEASURE}, {@code APPEAL_DECISION} or
 *                   {@code SUSPENSION}
 * @param decisionId the case decision complained about, or the standing change of a suspension
 */
@EventType(value = "dev.takedown.notice.appeal-filed.v1", topic = Topics.NOTICE_EVENTS)
public record AppealFiled(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String appealId,
        String complainantRole,
        String subject,
        String decisionId)
        implements TakedownEvent {}
