package dev.takedown.notices.internal;

import dev.takedown.events.FilterWideningDecided;
import dev.takedown.events.RemediationChangeRecorded;
import dev.takedown.events.RemediationEscalated;
import dev.takedown.events.RemediationOpened;
import dev.takedown.events.RemediationVerificationFailed;
import dev.takedown.events.RemediationVerified;
import dev.takedown.events.RemediationWithdrawn;
import dev.takedown.notices.CaseLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The case's history tells what happened to its model remediation: each remediation fact becomes a note, written by
 * the case's own module after the remediation's transaction committed (the remediation module never writes here).
 */
@Component
class RemediationHistory {

    private final CaseLifecycle cases;

    RemediationHistory(CaseLifecycle cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(RemediationOpened opened) {
        cases.note(
                opened.caseId(),
                opened.actor(),
                "model remediation opened for " + opened.ownerId()
                        + (opened.failure() == null ? "" : ": " + opened.failure())
                        + "; due " + opened.dueAt());
    }

    @ApplicationModuleListener
    void on(RemediationChangeRecorded recorded) {
        cases.note(
                recorded.caseId(),
                recorded.actor(),
                "model remediation change recorded: filter " + orDash(recorded.filterVersion()) + ", model "
                        + orDash(recorded.modelVersion())
                        + (recorded.wideningReview()
                                ? "; added terms " + recorded.addedTerms() + " await a moderator's approval"
                                : ""));
    }

    @ApplicationModuleListener
    void on(FilterWideningDecided decided) {
        cases.note(
                decided.caseId(),
                decided.actor(),
                decided.approved()
                        ? "filter widening approved: " + decided.terms() + " added to the case's filter measures"
                        : "filter widening refused: " + decided.reason());
    }

    @ApplicationModuleListener
    void on(RemediationVerified verified) {
        cases.note(
                verified.caseId(),
                verified.actor(),
                "model remediation verified: " + verified.promptsBlocked() + " replay prompt(s) blocked");
    }

    @ApplicationModuleListener
    void on(RemediationVerificationFailed failed) {
        cases.note(failed.caseId(), failed.actor(), "model remediation not verified: " + failed.failure());
    }

    @ApplicationModuleListener
    void on(RemediationWithdrawn withdrawn) {
        cases.note(
                withdrawn.caseId(),
                withdrawn.actor(),
                "model remediation withdrawn: every measure of the case was lifted");
    }

    @ApplicationModuleListener
    void on(RemediationEscalated escalated) {
        cases.note(
                escalated.caseId(),
                escalated.actor(),
                "model remediation overdue since " + escalated.dueAt() + "; escalated to " + escalated.toGroup());
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
