package dev.takedown.workflow.internal;

import dev.takedown.remediation.Remediations;
import java.util.Date;
import org.springframework.stereotype.Component;

/** What the BPMN asks about a case's model remediation ({@code ${modelRemediation.…}}). */
@Component("modelRemediation")
public class ModelRemediation {

    static final String PROCESS = "model-remediation";
    static final String OWNER_TASK = "Task_DescribeRemediation";
    static final String WIDENING_TASK = "Task_ReviewWidening";
    static final String VERIFIED_MESSAGE = "RemediationVerified";
    static final String WITHDRAWN_MESSAGE = "RemediationWithdrawn";
    /** Set when the owner's change completes its task: whether its terms wait for a moderator. */
    static final String WIDENING = "widening";
    /** Set when a moderator's decision completes the widening review. */
    static final String WIDENING_APPROVED = "wideningApproved";

    private final Remediations remediations;

    ModelRemediation(Remediations remediations) {
        this.remediations = remediations;
    }

    public boolean required(String caseId) {
        return remediations.required(caseId);
    }

    public Date dueTimer(String caseId) {
        return remediations.dueTimer(caseId);
    }

    public String replayWait() {
        return remediations.replayWait();
    }

    public Date wideningReviewDue() {
        return remediations.wideningReviewDue();
    }

    public String wideningReviewWait() {
        return remediations.wideningReviewWait();
    }
}
