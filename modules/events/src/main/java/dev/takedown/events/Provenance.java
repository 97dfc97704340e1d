package dev.takedown.events;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may write which topic. Our topics are written only through the outbox and carry only the event types declared
 * for them below; external topics are written by parties outside the application (rights-holder portals, platform
 * enforcement adapters, the platform's risk-warning reporter, screening nodes on the edge), so nothing in their
 * records, neither type nor subject nor time nor actor, is taken as a fact of ours.
 */
public final class Provenance {

    /**
     * The type under which the audit ledger records a record from an external topic: that it was received, from
     * which principal, with the SHA-256 of its raw bytes, never what it claims to be.
     */
    public static final String INBOUND_RECEIVED = "dev.takedown.inbound.received.v1";

    /**
     * The type under which the ledger records a record on {@link Topics#NOTICES_INBOUND} whose producer did not prove
     * the organisation it claims ({@link InboundSignatures}): the claim, the reason and the digest, nothing more.
     */
    public static final String INBOUND_REFUSED = "dev.takedown.inbound.refused.v1";

    /** Topics written by producers outside the outbox. */
    public static final Set<String> EXTERNAL_TOPICS =
            Set.of(Topics.NOTICES_INBOUND, Topics.ENFORCEMENT_RESULTS, Topics.RISK_WARNINGS, Topics.SCREENING_EVENTS);

    /** Every event record of the contract; {@code ProvenanceTest} checks no record of this package is missing. */
    static final List<Class<? extends TakedownEvent>> EVENTS = List.of(
            AccountRestored.class,
            AppealDecided.class,
            AppealFiled.class,
            AuthorityNotified.class,
            CaseLiftsEnforced.class,
            CaseMeasuresEnforced.class,
            CaseViewed.class,
            CounterNoticeDelivered.class,
            CounterNoticeFiled.class,
            CriminalOffenceFlagged.class,
            DeadLetterResolved.class,
            EnforcementRecorded.class,
            EngineRestCalled.class,
            FilterWideningDecided.class,
            IncidentRetried.class,
            LabelChecked.class,
            LegalActionProofFiled.class,
            LetterBounced.class,
            LetterDelivered.class,
            LetterFailed.class,
            LetterQueued.class,
            LetterSent.class,
            MeasureApplied.class,
            MeasureLifted.class,
            NoticeAcknowledged.class,
            NoticeCured.class,
            NoticeDecided.class,
            NoticeReceived.class,
            NoticeRetracted.class,
            OutOfCourtDecided.class,
            OutOfCourtDecisionImplemented.class,
            OutOfCourtReferred.class,
            PartiesNotified.class,
            PartyStandingChanged.class,
            ProceedingsConcluded.class,
            RegistryEntryChanged.class,
            RemediationChangeRecorded.class,
            RemediationEscalated.class,
            RemediationOpened.class,
            RemediationVerificationFailed.class,
            RemediationVerified.class,
            RemediationWithdrawn.class,
            ResponseTimesPublished.class,
            RiskWarningsNoted.class,
            StrikeRecorded.class,
            TaskClaimed.class,
            TaskCompleted.class,
            TaskCreated.class,
            TaskEscalated.class,
            TaskReminderDue.class,
            UnlabelledOutputReported.class,
            UploaderLinksRevoked.class);

    private static final Map<String, Set<String>> DECLARED = declared();

    private Provenance() {}

    public static boolean isExternal(String topic) {
        return EXTERNAL_TOPICS.contains(topic);
    }

    /** The event types our outbox publishes to an internal topic; empty for external and unknown topics. */
    public static Set<String> declaredTypes(String topic) {
        return DECLARED.getOrDefault(topic, Set.of());
    }

    public static boolean isDeclared(String topic, String eventType) {
        return declaredTypes(topic).contains(eventType);
    }

    private static Map<String, Set<String>> declared() {
        Map<String, Set<String>> byTopic = new LinkedHashMap<>();
        for (Class<? extends TakedownEvent> event : EVENTS) {
            EventType type = event.getAnnotation(EventType.class);
            if (isExternal(type.topic())) {
                throw new IllegalStateException(event.getName() + " is declared on external topic " + type.topic());
            }
            byTopic.computeIfAbsent(type.topic(), t -> new LinkedHashSet<>()).add(type.value());
        }
        byTopic.replaceAll((topic, types) -> Set.copyOf(types));
        return Map.copyOf(byTopic);
    }
}
