package dev.takedown.workflow.internal;

import dev.takedown.remediation.Remediations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateRemediation: the remediation is overdue; compliance is alerted. */
@Component("escalateRemediation")
class EscalateRemediation implements JavaDelegate {

    private final Remediations remediations;

    EscalateRemediation(Remediations remediations) {
        this.remediations = remediations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        remediations.escalate(CaseVariables.caseId(execution));
    }
}
