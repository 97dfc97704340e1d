package dev.takedown.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.Verdict;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may complain against which decision, and until when (DSA Art. 20(1)), on fixed dates. */
class ComplaintRulesTest {

    private static final String CASE = "case-1";
    private static final Period SIX_MONTHS = Period.ofMonths(6);
    /** 31 Aug 2025 10:00 UTC: there is no 31 Feb, so the window ends with 28 Feb 2026 where that day ends last (UTC−12). */
    private static final Instant NOTIFIED = Instant.parse("2025-08-31T10:00:00Z");

    private static final Instant END_OF_28_FEB_ANYWHERE = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void theNotifierComplainsAgainstADecisionToDoNothingUntilTheEndOfTheCorrespondingDay() {
        List<CaseDecision> decisions = List.of(decision("d-1", Verdict.REJECT, NOTIFIED.minusSeconds(60)));

        ComplaintRules.Target target = target(Complainant.NOTIFIER, null, decisions, Optional.empty());

        assertThat(target.subject()).isEqualTo(ComplaintSubject.NO_ACTION);
        assertThat(target.decisionId()).isEqualTo("d-1");
        assertThat(target.notifiedAt()).isEqualTo(NOTIFIED);
        assertThat(target.windowEnds()).isEqualTo(END_OF_28_FEB_ANYWHERE);
        assertThatThrownBy(() -> target(Complainant.UPLOADER, "d-1", decisions, Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("decision_id")));
    }

    @Test
    void theUploaderComplainsAgainstTheMeasureAsConfirmedNotAgainstTheSupersededFirstDecision() {
        List<CaseDecision> decisions = List.of(
                decision("d-1", Verdict.ACCEPT, NOTIFIED.minusSeconds(120)),
                decision("d-2", Verdict.CONFIRM, NOTIFIED.minusSeconds(60)));

        assertThat(target(Complainant.UPLOADER, null, decisions, Optional.empty()))
                .extracting(ComplaintRules.Target::subject, ComplaintRules.Target::decisionId)
                .containsExactly(ComplaintSubject.MEASURE, "d-2");
        assertThatThrownBy(() -> target(Complainant.UPLOADER, "d-1", decisions, Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> target(Complainant.NOTIFIER, "d-2", decisions, Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
    }

    @Test
    void eitherPartyComplainsAgainstAnAppealDecisionWithinItsOwnWindowFromThatDecision() {
        Instant appealDecided = Instant.parse("2025-11-15T09:00:00Z");
        List<CaseDecision> decisions = List.of(
                decision("d-1", Verdict.ACCEPT, NOTIFIED.minusSeconds(60)),
                decision("d-2", Verdict.REVERSE, appealDecided));

        for (Complainant complainant : Complainant.values()) {
            ComplaintRules.Target target = target(complainant, "d-2", decisions, Optional.empty());
            assertThat(target.subject()).isEqualTo(ComplaintSubject.APPEAL_DECISION);
            assertThat(target.notifiedAt()).isEqualTo(appealDecided);
            // 15 Nov 00:00 at UTC−9: 15 May 2026 ends there last, at 16 May 09:00 UTC
            assertThat(target.windowEnds()).isEqualTo(Instant.parse("2026-05-16T09:00:00Z"));
        }
    }

    @Test
    void onlyTheSuspendedPartyComplainsAgainstASuspensionThatFollowedFromTheCase() {
        Instant suspended = Instant.parse("2025-10-01T00:00:00Z");
        StandingChange suspension = new StandingChange(
                "s-1",
                Party.notifier("org-7"),
                StandingChangeKind.SUSPENDED,
                suspended,
                suspended.plusSeconds(86_400 * 30),
                CASE,
                "system",
                null,
                null);

        ComplaintRules.Target target = target(Complainant.NOTIFIER, "s-1", List.of(), Optional.of(suspension));

        assertThat(target.subject()).isEqualTo(ComplaintSubject.SUSPENSION);
        assertThat(target.windowEnds()).isEqualTo(Instant.parse("2026-04-02T00:00:00Z"));
        assertThatThrownBy(() -> target(Complainant.UPLOADER, "s-1", List.of(), Optional.of(suspension)))
                .isInstanceOf(InvalidDecisionException.class);
        StandingChange elsewhere = new StandingChange(
                "s-2",
                Party.notifier("org-7"),
                StandingChangeKind.SUSPENDED,
                suspended,
                null,
                "other",
                "system",
                null,
                null);
        assertThatThrownBy(() -> target(Complainant.NOTIFIER, "s-2", List.of(), Optional.of(elsewhere)))
                .isInstanceOf(InvalidDecisionException.class);
    }

    /**
     * DSA Art. 20(1)(c): a decision to terminate the account is complainable like a suspension, by the terminated
     * uploader alone, within the same window from the termination; a warning is not complained about on its own.
     */
    @Test
    void theTerminatedUploaderComplainsAgainstItsTerminationButNobodyAgainstAWarning() {
        Instant terminated = Instant.parse("2025-10-01T00:00:00Z");
        Party account = Party.uploader("acct-7");
        StandingChange warning = new StandingChange(
                "w-1", account, StandingChangeKind.WARNED, NOTIFIED, null, CASE, "system", null, null);
        StandingChange termination = new StandingChange(
                "t-1", account, StandingChangeKind.TERMINATED, terminated, null, CASE, "system", null, null);

        ComplaintRules.Target target = target(Complainant.UPLOADER, "t-1", List.of(), Optional.of(termination));

        assertThat(target.subject()).isEqualTo(ComplaintSubject.SUSPENSION);
        assertThat(target.decisionId()).isEqualTo("t-1");
        assertThat(target.notifiedAt()).isEqualTo(terminated);
        assertThat(target.windowEnds()).isEqualTo(Instant.parse("2026-04-02T00:00:00Z"));
        assertThatThrownBy(() -> target(Complainant.NOTIFIER, "t-1", List.of(), Optional.of(termination)))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("decision_id");
                            assertThat(p.message()).contains("suspension or termination");
                        }));
        assertThatThrownBy(() -> target(Complainant.UPLOADER, "w-1", List.of(), Optional.of(warning)))
                .isInstanceOf(InvalidDecisionException.class);

        assertThat(ComplaintRules.allowed(List.of(), null, List.of(warning, termination), SIX_MONTHS))
                .singleElement()
                .satisfies(open -> {
                    assertThat(open.complainant()).isEqualTo(Complainant.UPLOADER);
                    assertThat(open.target()).isEqualTo(target);
                });
    }

    @Test
    void nothingNotifiedYetLeavesNothingToComplainAbout() {
        List<CaseDecision> decisions = List.of(decision("d-1", Verdict.ACCEPT, NOTIFIED));

        assertThatThrownBy(() -> ComplaintRules.target(
                        CASE, Complainant.UPLOADER, null, decisions, null, Optional.empty(), SIX_MONTHS))
                .isInstanceOf(CaseStateException.class);
        assertThatThrownBy(() -> target(Complainant.UPLOADER, "d-9", decisions, Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
    }

    private static ComplaintRules.Target target(
            Complainant complainant, String decisionId, List<CaseDecision> decisions, Optional<StandingChange> change) {
        return ComplaintRules.target(CASE, complainant, decisionId, decisions, NOTIFIED, change, SIX_MONTHS);
    }

    private static CaseDecision decision(String id, Verdict verdict, Instant at) {
        return new CaseDecision(
                id, CASE, "task-" + id, verdict.kind(), verdict, List.of(), "reasons", "moderator-" + id, at);
    }
}
