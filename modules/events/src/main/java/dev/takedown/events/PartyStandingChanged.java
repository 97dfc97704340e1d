package dev.takedown.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A party's standing changed under DSA Art. 23 (and, for uploader accounts, the repeat-infringer policy of 17 U.S.C.
 * 512(i)): warned, suspended until a date, reinstated when the suspension ended, lifted early by a compliance officer,
 * or terminated. Each change is a decision the party may complain about (DSA Art. 20); {@code changeId} names it.
 *
 * @param caseId        the case whose finding triggered the change (for a reinstatement or a lift: the suspension's)
 * @param partyKind     {@code NOTIFIER} or {@code UPLOADER}
 * @param partyId       an organisation id, {@code email:<keyed hash>} for a logged-out notifier, or an uploader account
 * @param change        {@code WARNED}, {@code SUSPENDED}, {@code REINSTATED}, {@code LIFTED}, {@code REVERSED} (on
 *                      complaint) or {@code TERMINATED}
 * @param until         the end of a suspension; null for any other change
 * @param misuseCount   manifestly unfounded notices, or manifestly illegal items, counted for this step
 * @param windowMisuse  such findings within the whole window (the proportion's numerator)
 * @param totalCount    the party's notices (for an uploader: notices naming its content) within the window
 * @param weightedScore the misuse weighted by gravity, intentional misuse counting more
 * @param threshold     the weighted score at which a step is taken
 * @param intentional   how many of the counted findings a moderator found intentional
 * @param window        the sliding window the counts cover (ISO-8601)
 * @param reason        a compliance officer's reasons for lifting a suspension early; null otherwise
 */
@EventType(value = "dev.takedown.party.standing-changed.v1", topic = Topics.NOTICE_EVENTS)
public record PartyStandingChanged(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String changeId,
        String partyKind,
        String partyId,
        String change,
        Instant until,
        int misuseCount,
        int windowMisuse,
        int totalCount,
        int weightedScore,
        int threshold,
        int intentional,
        String window,
        String reason)
        implements TakedownEvent {}
