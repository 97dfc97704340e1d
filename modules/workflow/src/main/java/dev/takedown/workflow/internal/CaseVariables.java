package dev.takedown.workflow.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The few process variables there are: ids and routing flags, never payloads. */
final class CaseVariables {

    static final String CASE_ID = "caseId";
    static final String COMPLETE = "complete";
    static final String CURABLE = "curable";
    static final String ACCEPTED = "accepted";
    static final String DECISION_ID = "decisionId";

    private CaseVariables() {}

    static String caseId(VariableScope scope) {
        return (String) scope.getVariable(CASE_ID);
    }
}
