package dev.takedown.workflow.internal;

import dev.takedown.measures.Enforcements;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRemoval: the case is removed as of the platform's confirmation of its last measure. A case with no
 * measure in effect has no removal to record.
 */
@Component("recordRemoval")
class RecordRemoval implements JavaDelegate {

    private final Enforcements enforcements;
    private final CaseLifecycle lifecycle;

    RecordRemoval(Enforcements enforcements, CaseLifecycle lifecycle) {
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        enforcements.removedAt(caseId).ifPresent(removedAt -> lifecycle.recordMeasuresEnforced(caseId, removedAt));
    }
}
