package dev.takedown.workflow.internal;

import dev.takedown.measures.Enforcements;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendAgain: the platform failed with a passing failure; the same command goes out again, unless the platform
 * confirmed it meanwhile (an answer that came during the back-off) or the measure changed since.
 */
@Component("sendCommandAgain")
class SendCommandAgain implements JavaDelegate {

    private final Enforcements enforcements;

    SendCommandAgain(Enforcements enforcements) {
        this.enforcements = enforcements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String measureId = EnforcementVariables.measureId(execution);
        long version = EnforcementVariables.version(execution);
        boolean sent = !enforcements.confirmed(measureId, version) && enforcements.requestAgain(measureId, version);
        if (sent) {
            int attempts = ((Number) execution.getVariable(EnforcementVariables.ATTEMPTS)).intValue();
            execution.setVariable(EnforcementVariables.ATTEMPTS, attempts + 1);
        }
        execution.setVariable(EnforcementVariables.SETTLED, !sent);
    }
}
