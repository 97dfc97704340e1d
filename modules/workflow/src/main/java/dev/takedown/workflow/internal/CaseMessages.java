package dev.takedown.workflow.internal;

import dev.takedown.events.CaseLiftsEnforced;
import dev.takedown.events.CaseMeasuresEnforced;
import dev.takedown.events.CounterNoticeDelivered;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.LegalActionProofFiled;
import dev.takedown.events.NoticeCured;
import dev.takedown.events.NoticeRetracted;
import dev.takedown.events.ProceedingsConcluded;
import dev.takedown.events.TakedownEvent;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the parties' answers into BPMN messages, correlated by the case id (every lifecycle instance and its called
 * processes carry it as business key). The modules that accept the answers check first that the case is waiting for
 * them, so correlation finds its receiver. The outbox may deliver an event again (a crash before it was marked
 * complete); each event is correlated once, by its id ({@link CorrelatedEvents}), so a redelivery neither fails for
 * want of a receiver nor answers a later wait for the same message.
 */
@Component
class CaseMessages {

    static final String NOTICE_CURED = "NoticeCured";
    static final String COUNTER_NOTICE_FILED = "CounterNoticeFiled";
    static final String LEGAL_ACTION_PROOF_FILED = "LegalActionProofFiled";
    static final String NOTICE_RETRACTED = "NoticeRetracted";
    static final String COUNTER_NOTICE_DELIVERED = "CounterNoticeDelivered";
    static final String PROCEEDINGS_CONCLUDED = "ProceedingsConcluded";
    static final String CASE_MEASURES_ENFORCED = "CaseMeasuresEnforced";
    static final String CASE_LIFTS_ENFORCED = "CaseLiftsEnforced";

    private static final Logger log = LoggerFactory.getLogger(CaseMessages.class);

    private final RuntimeService runtime;
    private final CorrelatedEvents correlated;

    CaseMessages(RuntimeService runtime, CorrelatedEvents correlated) {
        this.runtime = runtime;
        this.correlated = correlated;
    }

    @ApplicationModuleListener
    void on(NoticeCured cured) {
        correlate(NOTICE_CURED, cured);
    }

    @ApplicationModuleListener
    void on(CounterNoticeFiled filed) {
        correlate(COUNTER_NOTICE_FILED, filed);
    }

    @ApplicationModuleListener
    void on(LegalActionProofFiled filed) {
        correlate(LEGAL_ACTION_PROOF_FILED, filed);
    }

    /**
     * Only a Chinese wait waits for the copy's delivery; a delivery nobody waits for (US, a copy sent again, an event
     * delivered twice) correlates nothing and is no error.
     */
    @ApplicationModuleListener
    void on(CounterNoticeDelivered delivered) {
        if (redelivered(COUNTER_NOTICE_DELIVERED, delivered)) {
            return;
        }
        runtime.createMessageCorrelation(COUNTER_NOTICE_DELIVERED)
                .processInstanceBusinessKey(delivered.caseId())
                .correlateAllWithResult();
    }

    /**
     * The lifecycle waits for the platform's confirmation of a decision's measures before it tells the parties. A
     * confirmation nobody waits for (a filter widened later, measures applied on appeal) correlates nothing.
     */
    @ApplicationModuleListener
    void on(CaseMeasuresEnforced enforced) {
        correlateAll(CASE_MEASURES_ENFORCED, enforced);
    }

    /** A restoration is told once the platform confirmed the lifts; a lift nobody waits for correlates nothing. */
    @ApplicationModuleListener
    void on(CaseLiftsEnforced enforced) {
        correlateAll(CASE_LIFTS_ENFORCED, enforced);
    }

    @ApplicationModuleListener
    void on(NoticeRetracted retracted) {
        correlate(NOTICE_RETRACTED, retracted);
    }

    /** The outcome travels with the message: the counter-notice process branches on it. */
    @ApplicationModuleListener
    void on(ProceedingsConcluded concluded) {
        if (redelivered(PROCEEDINGS_CONCLUDED, concluded)) {
            return;
        }
        runtime.createMessageCorrelation(PROCEEDINGS_CONCLUDED)
                .processInstanceBusinessKey(concluded.caseId())
                .setVariable(CaseVariables.PROCEEDINGS_OUTCOME, concluded.outcome())
                .setVariable(CaseVariables.PROCEEDINGS_REFERENCE, concluded.reference())
                .correlateWithResult();
    }

    private void correlate(String message, TakedownEvent event) {
        if (redelivered(message, event)) {
            return;
        }
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(event.caseId())
                .correlateWithResult();
    }

    private void correlateAll(String message, TakedownEvent event) {
        if (redelivered(message, event)) {
            return;
        }
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(event.caseId())
                .correlateAllWithResult();
    }

    private boolean redelivered(String message, TakedownEvent event) {
        if (correlated.claim(event.eventId(), message)) {
            return false;
        }
        log.info("{} of case {}: event {} was correlated before, not again", message, event.caseId(), event.eventId());
        return true;
    }
}
