package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An internal complaint (DSA Art. 20) was decided by someone other than the original decider.
 *
 * @param appealId    the id of the decision on the complaint
 * @param subject     what the complaint was against, as in {@link AppealFiled#subject()}: a reversal of a
 *                    {@code SUSPENSION} complaint ends the suspension and leaves the case's outcome as it was
 * @param complaintId the complaint decided, {@link AppealFiled#appealId()}
 */
@EventType(value = "dev.takedown.notice.appeal-decided.v1", topic = Topics.NOTICE_EVENTS)
public record AppealDecided(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String appealId,
        String outcome,
        List<String> measures,
        String reason,
        String subject,
        String complaintId)
        implements TakedownEvent {}
