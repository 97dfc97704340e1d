package dev.takedown.correspondence;

/**
 * What a letter is. Each kind has a template, {@code correspondence/letters/<kind in lower case>.txt}, and reads the
 * model keys listed here (every kind may use {@code caseId}); text values appear as given, {@code Instant}s are
 * written in the recipient's language and time zone.
 */
public enum LetterKind {
    // RESTORED, RETRACTED, PROCEEDINGS_CONCLUDED and APPEAL_OUTCOME carry, under {@code statement}, the statement of
    // reasons of what they do to the content (DSA Art. 17(3)(a)-(f)); letters/statement.txt lists its keys
    /**
     * DSA Art. 16(4): the notice arrived. {@code receivedAt}, {@code processed} (false: recorded, not processed),
     * {@code responseTimes} (the published times by name), {@code barredBy} (the case whose restoration after a
     * counter-notice bars it, 2013 Regulations Art. 17).
     */
    RECEIPT,
    /** The notice is incomplete (T2). {@code days} to complete it, {@code missing} elements. */
    CURE_REQUEST,
    /** The notice was closed as incomplete. {@code missing} elements. */
    CLOSED_INCOMPLETE,
    /**
     * To the uploader: the forwarded notice with the statement of reasons (DSA Art. 17(3), Civil Code 1195(2), DMCA
     * 512(g)(2)(A)). {@code measures} (list), {@code target}, {@code work}, {@code reason}, {@code family} (CN, US,
     * EU).
     */
    FORWARDED_NOTICE,
    /**
     * To the notifier: the decision and its redress (DSA Art. 16(5)). {@code outcome} (ACTION_TAKEN, NO_ACTION),
     * {@code joined} (a notice of another organisation joined to the case: outcome and redress only),
     * {@code measures}, {@code reason}, {@code overturned}, {@code family}.
     */
    DECISION,
    /**
     * To the notifier: the whole counter-notice as the uploader gave it and what the law lets the rights holder do
     * (Civil Code 1196, E-Commerce Law Art. 43; 17 U.S.C. 512(g)(2)(B)–(C)). {@code family}, {@code receivedAt},
     * {@code user} (legalName, identityType, identityNumber, address, phone, email), {@code material}
     * (identification, priorLocation), {@code perjury}, {@code consentToJurisdiction}, {@code acceptService},
     * {@code truthfulness}, {@code signature}, {@code evidence} (list of description, url, file), {@code waitDays}
     * (CN), {@code restoreOn} and {@code restoreBy} (US).
     */
    COUNTER_NOTICE_COPY,
    /** To both parties: the measures were lifted after the statutory wait. {@code statement}. */
    RESTORED,
    /**
     * To both parties: a decision reversed on complaint lifted the measures and the platform restored the content.
     * {@code statement}.
     */
    RESTORED_ON_APPEAL,
    /** To both parties: the rights holder withdrew the notice. {@code statement}. */
    RETRACTED,
    /**
     * To both parties: the statement of reasons for a measure that ended without a further decision on the case (DSA
     * Art. 17(3)): its period ran out, or staff lifted it. {@code measure}, {@code target} (may be absent for a
     * filter), {@code cause} ({@code EXPIRY}, {@code BY_HAND}), {@code endedAt}, {@code family}.
     */
    MEASURE_ENDED,
    /**
     * To both parties: the proceedings that kept the measure after a counter-notice ended. {@code outcome} (UPHELD:
     * the measure stays; DISMISSED, WITHDRAWN: restored), {@code reference} (the judgment or decision),
     * {@code statement}.
     */
    PROCEEDINGS_CONCLUDED,
    /**
     * To both parties: the internal complaint was decided (DSA Art. 20(5)). {@code verdict} (UPHOLD, REVERSE),
     * {@code reason}, {@code statement} (absent for a complaint against a suspension).
     */
    APPEAL_OUTCOME,
    /**
     * DSA Art. 23: a warning before any suspension, with the reasons, the weighing (Art. 23(3)) and the redress.
     * {@code party} (NOTIFIER, UPLOADER), {@code change} (WARNED), {@code weighed} (whether the counts cover a window),
     * {@code arguments} (list): findings counted for this step, findings in the window, notices in the window, days
     * of the window, when, the end of a suspension, the reasons of an early lift, the gravity-weighted score, the
     * threshold, the findings a moderator found intentional.
     */
    WARNING,
    /** DSA Art. 23 (uploaders also 17 U.S.C. 512(i)): a suspension, or a termination. As {@link #WARNING}, {@code change} SUSPENDED or TERMINATED. */
    SUSPENSION,
    /**
     * The suspension ended by itself or was lifted early, or a complaint reversed a suspension or termination. As
     * {@link #WARNING}, {@code change} REINSTATED, LIFTED or REVERSED; with REVERSED, {@code reversed} the change
     * reversed (SUSPENDED or TERMINATED).
     */
    REINSTATEMENT,
    /**
     * To a logged-out notifier: confirm the address by opening the letter's link; also the receipt (DSA Art. 16(4)).
     * {@code days} the link works.
     */
    CONFIRMATION
}
