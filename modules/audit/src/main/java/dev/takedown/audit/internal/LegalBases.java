package dev.takedown.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.events.EventType;
import dev.takedown.events.LegalGround;
import dev.takedown.events.LegalGround.Step;
import dev.takedown.events.ProceedingsConcluded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legal basis of a ledger record, derived by the ledger itself from the record's type, the measure it names and
 * the profiles and history of its case ({@link LegalGround}), never taken from what a record says about itself: a
 * producer cannot put a provision in the ledger, and a record from an external topic, which has no case of ours, gets
 * none.
 *
 * <p>A lift executes a provision only when it ends a restriction the law ends: after a counter-notice (or the
 * proceedings that followed it) or on a complaint; a rights holder's retraction is no legal step of the platform.
 */
final class LegalBases {

    private static final String PROCEEDINGS_CONCLUDED =
            ProceedingsConcluded.class.getAnnotation(EventType.class).value();

    /** The case records that change what a later record of the case executes. */
    static final List<String> HISTORY = List.of(
            EventTypes.NOTICE_RECEIVED,
            EventTypes.COUNTER_NOTICE_FILED,
            EventTypes.APPEAL_DECIDED,
            EventTypes.NOTICE_RETRACTED,
            PROCEEDINGS_CONCLUDED);

    private static final Set<String> GENERATION = Set.of(
            "PROMPT_FILTER",
            "OUTPUT_SIMILARITY_FILTER",
            "STOP_GENERATION",
            "STOP_TRANSMISSION",
            "OUTPUT_PURGE",
            "MODEL_REMEDIATION_TICKET",
            "UNPUBLISH_MODEL",
            "BLOCK_REUPLOAD",
            "REMOVE_FROM_DATASET");
    private static final Set<String> ACCOUNT = Set.of(
            "ACCOUNT_WARNING",
            "ACCOUNT_SUSPEND",
            "ACCOUNT_TERMINATE",
            "PARTIAL_SERVICE_SUSPENSION",
            "TOTAL_SERVICE_SUSPENSION",
            "SUSPEND_MONETISATION",
            "TERMINATE_MONETISATION");

    /** What the ledger knows of each case so far: its profiles and the last step that a lift follows. */
    private final Map<String, CaseFacts> cases = new HashMap<>();

    private record CaseFacts(List<String> profiles, String lastStep) {}

    /** Learns a recorded (or just appended) record of type {@code eventType} of {@code caseId}. */
    void learn(String caseId, String eventType, JsonNode payload) {
        if (caseId == null || !HISTORY.contains(eventType)) {
            return;
        }
        CaseFacts known = cases.getOrDefault(caseId, new CaseFacts(List.of(), null));
        if (eventType.equals(EventTypes.NOTICE_RECEIVED)) {
            List<String> profiles = new ArrayList<>();
            payload.path("jurisdictionProfiles").forEach(p -> profiles.add(p.asText()));
            cases.put(caseId, new CaseFacts(profiles, known.lastStep()));
        } else {
            cases.put(caseId, new CaseFacts(known.profiles(), eventType));
        }
    }

    /** The basis of a record about to be appended; null when it executes no provision or its case is unknown. */
    String of(String caseId, String eventType, JsonNode payload) {
        if (caseId == null) {
            return null;
        }
        CaseFacts known = cases.getOrDefault(caseId, new CaseFacts(List.of(), null));
        List<String> profiles = eventType.equals(EventTypes.NOTICE_RECEIVED) ? profilesOf(payload) : known.profiles();
        Step step = step(eventType, payload, known.lastStep());
        return step == null ? null : LegalGround.basis(profiles, step);
    }

    private static List<String> profilesOf(JsonNode payload) {
        List<String> profiles = new ArrayList<>();
        payload.path("jurisdictionProfiles").forEach(p -> profiles.add(p.asText()));
        return profiles;
    }

    private static Step step(String eventType, JsonNode payload, String lastStep) {
        if (eventType.equals(EventTypes.NOTICE_RECEIVED)) {
            return Step.NOTICE_RECEIVED;
        }
        if (eventType.equals(EventTypes.NOTICE_DECIDED)) {
            return Step.DECIDED;
        }
        if (eventType.equals(EventTypes.COUNTER_NOTICE_FILED)) {
            return Step.COUNTER_NOTICE_FILED;
        }
        if (eventType.equals(EventTypes.APPEAL_DECIDED)) {
            return Step.COMPLAINT_DECIDED;
        }
        if (eventType.equals(EventTypes.MEASURE_APPLIED)) {
            String type = payload.path("type").asText("");
            if (GENERATION.contains(type)) {
                return Step.GENERATION_MEASURE;
            }
            return ACCOUNT.contains(type) ? Step.ACCOUNT_MEASURE : Step.CONTENT_MEASURE;
        }
        if (eventType.equals(EventTypes.MEASURE_LIFTED) && payload.hasNonNull("standingChangeId")) {
            // the repeat-infringer policy's account measure ends with the standing, whatever the case did last: its
            // period or an early lift under the policy, or a complaint's reversal
            return "APPEAL".equals(payload.path("cause").asText()) ? Step.COMPLAINT_DECIDED : Step.ACCOUNT_MEASURE;
        }
        if (eventType.equals(EventTypes.MEASURE_LIFTED) && lastStep != null) {
            if (lastStep.equals(EventTypes.COUNTER_NOTICE_FILED) || lastStep.equals(PROCEEDINGS_CONCLUDED)) {
                return Step.RESTORED_AFTER_COUNTER_NOTICE;
            }
            if (lastStep.equals(EventTypes.APPEAL_DECIDED)) {
                return Step.COMPLAINT_DECIDED;
            }
        }
        return null;
    }
}
