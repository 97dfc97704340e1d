package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/** The rights holder proved a complaint or lawsuit after a counter-notice; the measure stays. */
@EventType(value = "dev.takedown.notice.legal-action-proof-filed.v1", topic = Topics.NOTICE_EVENTS)
public record LegalActionProofFiled(UUID eventId, Instant occurredAt, String caseId, String actor)
        implements TakedownEvent {}
