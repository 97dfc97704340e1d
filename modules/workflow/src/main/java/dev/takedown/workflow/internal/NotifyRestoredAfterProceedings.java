package dev.takedown.workflow.internal;

import dev.takedown.measures.Enforcements;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.ProceedingsOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_NotifyRestoredAfterProceedings: the platform confirmed the lifts after dismissed or withdrawn proceedings, so
 * the case is restored and both sides learn how the proceedings ended.
 */
@Component("notifyRestoredAfterProceedings")
class NotifyRestoredAfterProceedings implements JavaDelegate {

    private final Enforcements enforcements;
    private final CaseLifecycle lifecycle;

    NotifyRestoredAfterProceedings(Enforcements enforcements, CaseLifecycle lifecycle) {
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        lifecycle.restoreAfterProceedings(
                caseId,
                ProceedingsOutcome.valueOf((String) execution.getVariable(CaseVariables.PROCEEDINGS_OUTCOME)),
                (String) execution.getVariable(CaseVariables.PROCEEDINGS_REFERENCE),
                enforcements.restoredAt(caseId).orElse(null));
    }
}
