package dev.takedown.workflow.internal;

import dev.takedown.events.CriminalOffenceFlagged;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts one process per flagged suspicion of a criminal offence (DSA Art. 18), beside the case's lifecycle: the duty
 * to inform the authority does not wait for the notice's decision and outlives a closed case. The business key is the
 * case id; a redelivered flag is not started twice.
 */
@Component
class CriminalOffenceProcesses {

    static final String PROCESS_KEY = "criminal-offence";
    static final String FLAG_ID = "flagId";

    private final RuntimeService runtime;
    private final HistoryService history;

    CriminalOffenceProcesses(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    @ApplicationModuleListener
    void on(CriminalOffenceFlagged flagged) {
        String flagId = flagged.eventId().toString();
        boolean started = history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(PROCESS_KEY)
                        .processInstanceBusinessKey(flagged.caseId())
                        .variableValueEquals(FLAG_ID, flagId)
                        .count()
                > 0;
        if (!started) {
            runtime.startProcessInstanceByKey(
                    PROCESS_KEY, flagged.caseId(), Map.of(CaseVariables.CASE_ID, flagged.caseId(), FLAG_ID, flagId));
        }
    }
}
