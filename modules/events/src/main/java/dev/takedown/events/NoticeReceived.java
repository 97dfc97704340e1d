package dev.takedown.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice was received and acknowledged (DSA Art. 16(4)).
 *
 * @param disposition {@link #PROCESS}: a new case whose lifecycle starts; {@link #JOINED}: it names a target of an
 *                    open case and joins it ({@code joinedCaseId}); {@link #NOT_PROCESSED}: the notifier is suspended
 *                    for misuse (DSA Art. 23(2)), or notified again a work restored after a counter-notice under the
 *                    2013 Regulations (Art. 17), so it is recorded but not processed
 * @param notifierType {@code RIGHTS_HOLDER}, {@code TRUSTED_FLAGGER}, {@code AUTHORITY_ORDER}, … (DSA Art. 15(1)(b)
 *                    counts trusted flaggers separately); {@code TRUSTED_FLAGGER} and {@code AUTHORITY_ORDER} only when
 *                    a registry entry bound to the submitting credential confirmed the status; a notice that declared
 *                    either type in vain is {@code NOTIFIER}, an ordinary notifier
 * @param rightType   the first right claimed, a {@link ClaimType} name, e.g. {@code COPYRIGHT_REPRODUCTION} (reports
 *                    count by its category); null when the notice names none
 * @param claimedNotifierType a status the notifier claimed that no registry entry confirmed (processed as an ordinary
 *                    notice); null when nothing was claimed or the claim was confirmed
 * @param registryEntryId the trusted flagger or competent authority entry that confirmed the status; null otherwise
 * @param rightTypes  every right claimed ({@link ClaimType} names), in the order given
 * @param issuerMemberState an order's: the EU or EEA state of the authority that confirmed it (ISO 3166-1 alpha-2),
 *                    from its registry entry (DSA Art. 15(1)(a) counts orders by member state); null for any other
 *                    notice, an authority outside the EU and EEA, and orders recorded before it was kept
 */
@EventType(value = "dev.takedown.notice.received.v1", topic = Topics.NOTICE_EVENTS)
public record NoticeReceived(
        UUID eventId,
        Instant occurredAt,
        String caseId,
        String actor,
        String organisationId,
        List<String> jurisdictionProfiles,
        String channel,
        int targetCount,
        String disposition,
        String joinedCaseId,
        String notifierType,
        String rightType,
        String claimedNotifierType,
        String registryEntryId,
        List<String> rightTypes,
        String issuerMemberState)
        implements TakedownEvent {

    public NoticeReceived {
        rightTypes =
                rightTypes == null ? (rightType == null ? List.of() : List.of(rightType)) : List.copyOf(rightTypes);
    }

    /** A notice recorded before orders named the member state of their authority. */
    public NoticeReceived(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String organisationId,
            List<String> jurisdictionProfiles,
            String channel,
            int targetCount,
            String disposition,
            String joinedCaseId,
            String notifierType,
            String rightType,
            String claimedNotifierType,
            String registryEntryId,
            List<String> rightTypes) {
        this(
                eventId,
                occurredAt,
                caseId,
                actor,
                organisationId,
                jurisdictionProfiles,
                channel,
                targetCount,
                disposition,
                joinedCaseId,
                notifierType,
                rightType,
                claimedNotifierType,
                registryEntryId,
                rightTypes,
                null);
    }

    /** A notice recorded before it could claim several rights. */
    public NoticeReceived(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String organisationId,
            List<String> jurisdictionProfiles,
            String channel,
            int targetCount,
            String disposition,
            String joinedCaseId,
            String notifierType,
            String rightType,
            String claimedNotifierType,
            String registryEntryId) {
        this(
                eventId,
                occurredAt,
                caseId,
                actor,
                organisationId,
                jurisdictionProfiles,
                channel,
                targetCount,
                disposition,
                joinedCaseId,
                notifierType,
                rightType,
                claimedNotifierType,
                registryEntryId,
                null);
    }

    public static final String PROCESS = "PROCESS";
    public static final String JOINED = "JOINED";
    public static final String NOT_PROCESSED = "NOT_PROCESSED";

    /** A notice that claimed no status beyond its type (consumers of the v1 contract without the new fields). */
    public NoticeReceived(
            UUID eventId,
            Instant occurredAt,
            String caseId,
            String actor,
            String organisationId,
            List<String> jurisdictionProfiles,
            String channel,
            int targetCount,
            String disposition,
            String joinedCaseId,
            String notifierType,
            String rightType) {
        this(
                eventId,
                occurredAt,
                caseId,
                actor,
                organisationId,
                jurisdictionProfiles,
                channel,
                targetCount,
                disposition,
                joinedCaseId,
                notifierType,
                rightType,
                null,
                null,
                null);
    }
}
