package dev.takedown.workflow.internal;

import dev.takedown.remediation.Remediations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Gateway_RemediationVerified (start): whether the case must wait for its model remediation before it closes. */
@Component("remediationGate")
class RemediationGate implements ExecutionListener {

    static final String REMEDIATION = "remediation";

    private final Remediations remediations;

    RemediationGate(Remediations remediations) {
        this.remediations = remediations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(
                REMEDIATION,
                remediations.closeGate(CaseVariables.caseId(execution)).name());
    }
}
