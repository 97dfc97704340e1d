package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.NotSuspendedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_LiftSuspension: a complaint against an Art. 23 suspension was upheld for the party, so the suspension ends
 * now. One that already ended on its date, or was lifted meanwhile, has nothing left to lift.
 */
@Component("liftSuspension")
class LiftSuspension implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(LiftSuspension.class);

    private final Misuse misuse;

    LiftSuspension(Misuse misuse) {
        this.misuse = misuse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String suspensionId = (String) execution.getVariable(CaseVariables.COMPLAINED_DECISION);
        try {
            misuse.lift(suspensionId, "suspension reversed on complaint (DSA Art. 20)", TakedownEvent.SYSTEM);
        } catch (NotSuspendedException over) {
            log.info("Suspension {} reversed on complaint had already ended", suspensionId);
        }
    }
}
