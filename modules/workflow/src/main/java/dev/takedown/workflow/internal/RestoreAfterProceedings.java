package dev.takedown.workflow.internal;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TakedownEvent;
import dev.takedown.measures.Measures;
import dev.takedown.notices.ProceedingsOutcome;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RestoreAfterProceedings: the proceedings were dismissed or withdrawn, so the measures are lifted; both sides
 * are told once the platform confirms the lifts (Task_NotifyRestoredAfterProceedings).
 */
@Component("restoreAfterProceedings")
class RestoreAfterProceedings implements JavaDelegate {

    private final Measures measures;

    RestoreAfterProceedings(Measures measures) {
        this.measures = measures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProceedingsOutcome outcome =
                ProceedingsOutcome.valueOf((String) execution.getVariable(CaseVariables.PROCEEDINGS_OUTCOME));
        measures.liftAll(
                CaseVariables.caseId(execution),
                TakedownEvent.SYSTEM,
                LiftCause.PROCEEDINGS,
                "proceedings " + outcome.name().toLowerCase(Locale.ROOT));
    }
}
