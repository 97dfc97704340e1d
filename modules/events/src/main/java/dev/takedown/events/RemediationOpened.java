package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A case's model remediation was opened (or reopened) for the owner of the model or service its targets name: by an
 * accepted notice on a model target, or by a filter measure's replay suite that failed. The remediation process
 * starts on this event, once per opening.
 *
 * @param ownerId   the owner organisation that must remedy
 * @param measureId the filter measure whose replay failed; null when an accepted notice opened it
 * @param failure   what failed (measure, node, prompts); null when an accepted notice opened it
 */
@EventType(value = "dev.takedown.remediation.opened.v1", topic = Topics.NOTICE_EVENTS)
public record RemediationOpened(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String remediationId,
        String ownerId,
        Instant dueAt,
        String measureId,
        String failure)
        implements TakedownEvent {}
