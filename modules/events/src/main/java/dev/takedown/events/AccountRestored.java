package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploader account's suspension or termination ended (on its date, lifted early, or reversed on complaint) and the
 * account is available again: the platform confirmed the lift of the account measure that carried it out, or no
 * account measure did. The account is told only then. {@code actor} is the platform's principal that confirmed it.
 *
 * @param changeId   the standing change that ended the restriction ({@code REINSTATED}, {@code LIFTED},
 *                   {@code REVERSED})
 * @param platformAt when the platform confirmed the account restored, by its clock; null when no account measure
 *                   carried the restriction out (one imposed before account measures existed)
 */
@EventType(value = "dev.takedown.account.restored.v1", topic = Topics.NOTICE_EVENTS)
public record AccountRestored(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String accountId,
        String changeId,
        Instant platformAt)
        implements TakedownEvent {}
