package dev.takedown.workflow.internal;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The few process variables there are: ids and routing flags, never payloads. */
final class CaseVariables {

    static final String CASE_ID = "caseId";
    static final String COMPLETE = "complete";
    static final String CURABLE = "curable";
    static final String ACCEPTED = "accepted";
    static final String DECISION_ID = "decisionId";
    /** A complaint's id, what it is against (a ComplaintSubject name) and the decision, suspension or termination it names. */
    static final String APPEAL_ID = "appealId";

    static final String COMPLAINT_SUBJECT = "complaintSubject";
    static final String COMPLAINED_DECISION = "complainedDecision";
    /** How the proceedings that kept a measure ended (a ProceedingsOutcome name) and the judgment's reference. */
    static final String PROCEEDINGS_OUTCOME = "proceedingsOutcome";

    static final String PROCEEDINGS_REFERENCE = "proceedingsReference";
    /** Whether a reversal on complaint lifted measures, whose restoration the parties then wait to be told. */
    static final String LIFTED_ON_APPEAL = "liftedOnAppeal";

    private CaseVariables() {}

    static String caseId(VariableScope scope) {
        return (String) scope.getVariable(CASE_ID);
    }
}
