package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * DSA Art. 18: a compliance officer informed the competent authority of a suspected criminal offence flagged on the
 * case ({@link CriminalOffenceFlagged}).
 *
 * @param actor      the compliance officer who recorded the notification
 * @param flagId     the event id of the flag it answers
 * @param authority  the authority informed, as configured ({@code takedown.art18.authority.name})
 * @param notifiedAt when the authority was informed
 * @param reference  the authority's or our reference of the notification
 */
@EventType(value = "dev.takedown.notice.authority-notified.v1", topic = Topics.NOTICE_EVENTS)
public record AuthorityNotified(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String flagId,
        String authority,
        Instant notifiedAt,
        String reference)
        implements TakedownEvent {}
