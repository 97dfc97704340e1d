package dev.takedown.workflow.internal;

import dev.takedown.remediation.Remediations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_VerifyRemediation: checks the owner's latest change against the replay suites. */
@Component("verifyRemediation")
class VerifyRemediation implements JavaDelegate {

    static final String VERIFICATION = "verification";

    private final Remediations remediations;

    VerifyRemediation(Remediations remediations) {
        this.remediations = remediations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                VERIFICATION,
                remediations.verify(CaseVariables.caseId(execution)).name());
    }
}
