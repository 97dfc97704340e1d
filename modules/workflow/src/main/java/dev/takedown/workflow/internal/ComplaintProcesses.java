package dev.takedown.workflow.internal;

import dev.takedown.events.AppealFiled;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts one complaint process per complaint (DSA Art. 20), beside the case's lifecycle rather than inside it: a
 * case may have several, each against its own decision, and a decision on a complaint can itself be complained
 * about long after the lifecycle closed its routes. The business key is the case id, so the review module finds the
 * task by its case. The event may arrive again after a crash; a complaint already started is not started twice.
 */
@Component
class ComplaintProcesses {

    static final String PROCESS_KEY = "appeal";

    private final RuntimeService runtime;
    private final HistoryService history;

    ComplaintProcesses(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    @ApplicationModuleListener
    void on(AppealFiled filed) {
        boolean started = history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(PROCESS_KEY)
                        .processInstanceBusinessKey(filed.caseId())
                        .variableValueEquals(CaseVariables.APPEAL_ID, filed.appealId())
                        .count()
                > 0;
        if (started) {
            return;
        }
        runtime.startProcessInstanceByKey(
                PROCESS_KEY,
                filed.caseId(),
                Map.of(
                        CaseVariables.CASE_ID, filed.caseId(),
                        CaseVariables.APPEAL_ID, filed.appealId(),
                        CaseVariables.COMPLAINT_SUBJECT, filed.subject(),
                        CaseVariables.COMPLAINED_DECISION, filed.decisionId()));
    }
}
