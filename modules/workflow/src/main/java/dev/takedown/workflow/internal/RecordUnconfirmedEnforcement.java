package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Enforcements;
import dev.takedown.notices.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordUnconfirmed: the platform failed for good or stayed silent past the deadline. The measure shows it and
 * the case's history says it, before a person is asked to have it done.
 */
@Component("recordUnconfirmedEnforcement")
class RecordUnconfirmedEnforcement implements JavaDelegate {

    private final Enforcements enforcements;
    private final CaseLifecycle lifecycle;

    RecordUnconfirmedEnforcement(Enforcements enforcements, CaseLifecycle lifecycle) {
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String measureId = EnforcementVariables.measureId(execution);
        long version = EnforcementVariables.version(execution);
        enforcements.overdue(measureId, version);
        Object failure = execution.getVariable(EnforcementVariables.FAILURE);
        boolean lift = Boolean.TRUE.equals(execution.getVariable(EnforcementVariables.LIFT));
        lifecycle.note(
                CaseVariables.caseId(execution),
                TakedownEvent.SYSTEM,
                (lift ? "LIFT_OVERDUE: the lift of " : "ENFORCEMENT_OVERDUE: ")
                        + execution.getVariable(EnforcementVariables.MEASURE_TYPE) + " (measure " + measureId
                        + ", version " + version + ") is not confirmed by the platform: "
                        + (failure == null ? "no answer by the deadline" : "it failed (" + failure + ")")
                        + "; a task asks to have it done");
    }
}
