package dev.takedown.workflow.internal;

import dev.takedown.events.CounterNoticeDelivered;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.LegalActionProofFiled;
import dev.takedown.events.NoticeCured;
import dev.takedown.events.NoticeRetracted;
import dev.takedown.events.ProceedingsConcluded;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the parties' answers into BPMN messages, correlated by the case id (every lifecycle instance and its called
 * processes carry it as business key). The modules that accept the answers check first that the case is waiting for
 * them, so correlation finds its receiver.
 */
@Component
class CaseMessages {

    static final String NOTICE_CURED = "NoticeCured";
    static final String COUNTER_NOTICE_FILED = "CounterNoticeFiled";
    static final String LEGAL_ACTION_PROOF_FILED = "LegalActionProofFiled";
    static final String NOTICE_RETRACTED = "NoticeRetracted";
    static final String COUNTER_NOTICE_DELIVERED = "CounterNoticeDelivered";
    static final String PROCEEDINGS_CONCLUDED = "ProceedingsConcluded";

    private final RuntimeService runtime;

    CaseMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @ApplicationModuleListener
    void on(NoticeCured cured) {
        correlate(NOTICE_CURED, cured.caseId());
    }

    @ApplicationModuleListener
    void on(CounterNoticeFiled filed) {
        correlate(COUNTER_NOTICE_FILED, filed.caseId());
    }

    @ApplicationModuleListener
    void on(LegalActionProofFiled filed) {
        correlate(LEGAL_ACTION_PROOF_FILED, filed.caseId());
    }

    /**
     * Only a Chinese wait waits for the copy's delivery; a delivery nobody waits for (US, a copy sent again, an event
     * delivered twice) correlates nothing and is no error.
     */
    @ApplicationModuleListener
    void on(CounterNoticeDelivered delivered) {
        runtime.createMessageCorrelation(COUNTER_NOTICE_DELIVERED)
                .processInstanceBusinessKey(delivered.caseId())
                .correlateAllWithResult();
    }

    @ApplicationModuleListener
    void on(NoticeRetracted retracted) {
        correlate(NOTICE_RETRACTED, retracted.caseId());
    }

    /** The outcome travels with the message: the counter-notice process branches on it. */
    @ApplicationModuleListener
    void on(ProceedingsConcluded concluded) {
        runtime.createMessageCorrelation(PROCEEDINGS_CONCLUDED)
                .processInstanceBusinessKey(concluded.caseId())
                .setVariable(CaseVariables.PROCEEDINGS_OUTCOME, concluded.outcome())
                .setVariable(CaseVariables.PROCEEDINGS_REFERENCE, concluded.reference())
                .correlateWithResult();
    }

    private void correlate(String message, String caseId) {
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();
    }
}
