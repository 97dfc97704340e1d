package dev.takedown.workflow.internal;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.TriageFacts;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Task_ValidateNotice: checks the stored notice against its profiles and routes Gateway_NoticeComplete. For a
 * complete notice it hands triage its facts as transient variables: they feed the decision table and are never
 * stored in the process.
 */
@Component("validateNotice")
class ValidateNotice implements JavaDelegate {

    private final NoticeCases cases;
    private final CaseLifecycle lifecycle;

    ValidateNotice(NoticeCases cases, CaseLifecycle lifecycle) {
        this.cases = cases;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        List<FieldProblem> problems = cases.problems(caseId);
        boolean complete = problems.isEmpty();
        if (complete) {
            lifecycle.queueForReview(caseId);
            TriageFacts facts = cases.triageFacts(caseId);
            execution.setVariable("profile", Variables.stringValue(facts.profile(), true));
            execution.setVariable("notifierType", Variables.stringValue(facts.notifierType(), true));
            execution.setVariable(
                    "targetType", Variables.stringValue(facts.targetType().name(), true));
            execution.setVariable("wellKnownWork", Variables.booleanValue(facts.wellKnownWork(), true));
            execution.setVariable("aiAssistedWork", Variables.booleanValue(facts.aiAssistedWork(), true));
        }
        execution.setVariable(CaseVariables.COMPLETE, complete);
        execution.setVariable(CaseVariables.CURABLE, !complete && cases.curable(caseId));
    }
}
