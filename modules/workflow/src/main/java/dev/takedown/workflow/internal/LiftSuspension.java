package dev.takedown.workflow.internal;

import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.NotInForceException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_LiftSuspension: a complaint against an Art. 23 suspension or termination (DSA Art. 20(1)(c)) was decided in
 * the party's favour, so it is reversed now, recorded as a reversal rather than a compliance officer's early lift. A
 * suspension that already ended on its date or was lifted meanwhile, or a standing changed since, has nothing left
 * to reverse.
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
        String changeId = (String) execution.getVariable(CaseVariables.COMPLAINED_DECISION);
        String complaintId = (String) execution.getVariable(CaseVariables.APPEAL_ID);
        try {
            misuse.reverse(changeId, "complaint " + complaintId + " decided in the party's favour (DSA Art. 20)");
        } catch (NotInForceException over) {
            log.info("Standing change {} reversed on complaint was no longer in force", changeId);
        }
    }
}
