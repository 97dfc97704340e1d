package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The rights holder proved proceedings after a counter-notice that keep the measure under the case's law: a lawsuit
 * or a complaint to an authority (CN), an action seeking a court order (US); {@code kind} names which.
 */
@EventType(value = "dev.takedown.notice.legal-action-proof-filed.v1", topic = Topics.NOTICE_EVENTS)
public record LegalActionProofFiled(UUID eventId, Instant occurredAt, String caseId, String actor, String kind)
        implements TakedownEvent {}
