package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * DSA Art. 18: a moderator found information on the case that gives rise to a suspicion of a criminal offence
 * involving a threat to the life or safety of persons; compliance officers are asked to inform the competent
 * authority.
 *
 * @param actor  the moderator who flagged it
 * @param reason what gives rise to the suspicion, in the moderator's words
 */
@EventType(value = "dev.takedown.notice.criminal-offence-flagged.v1", topic = Topics.NOTICE_EVENTS)
public record CriminalOffenceFlagged(UUID eventId, Instant occurredAt, String caseId, String actor, String reason)
        implements TakedownEvent {}
