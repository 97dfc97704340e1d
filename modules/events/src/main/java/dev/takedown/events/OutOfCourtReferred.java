package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * DSA Art. 21: a party referred a decision on the case to a certified out-of-court dispute settlement body.
 *
 * @param actor the compliance officer who recorded the referral
 * @param party {@code NOTIFIER} or {@code UPLOADER}
 */
@EventType(value = "dev.takedown.notice.out-of-court-referred.v1", topic = Topics.NOTICE_EVENTS)
public record OutOfCourtReferred(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String referralId,
        String decisionId,
        String bodyId,
        String bodyName,
        String party,
        String bodyReference)
        implements TakedownEvent {}
