package dev.takedown.workflow.internal;

import dev.takedown.notices.FieldProblem;
import dev.takedown.notices.NoticeCases;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ValidateNotice: checks the stored notice against its profiles and routes Gateway_NoticeComplete. */
@Component("validateNotice")
class ValidateNotice implements JavaDelegate {

    private final NoticeCases cases;

    ValidateNotice(NoticeCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = CaseVariables.caseId(execution);
        List<FieldProblem> problems = cases.problems(caseId);
        if (problems.isEmpty()) {
            cases.startReview(caseId);
        }
        execution.setVariable(CaseVariables.COMPLETE, problems.isEmpty());
    }
}
