package dev.takedown.review;

import dev.takedown.kernel.FieldProblem;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.ComplaintPeriods;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may complain against which decision, and until when (DSA Art. 20(1)): the notifier against a decision to do
 * nothing, the uploader against a measure, either party against a decision on a complaint, the suspended or
 * terminated party against its Art. 23 suspension or termination (Art. 20(1)(c)); each window runs the configured
 * calendar months from the notification of that decision, to the end of the corresponding day anywhere.
 */
final class ComplaintRules {

    /** The decision a complaint is against, and when the window to complain about it ends. */
    record Target(ComplaintSubject subject, String decisionId, Instant notifiedAt, Instant windowEnds) {}

    /** The changes of standing a party may complain about as {@link ComplaintSubject#SUSPENSION}. */
    private static final Set<StandingChangeKind> RESTRICTIONS =
            EnumSet.of(StandingChangeKind.SUSPENDED, StandingChangeKind.TERMINATED);

    private ComplaintRules() {}

    /**
     * @param decisions  the case's decisions, in order
     * @param notifiedAt when the case's first decision was notified; null before
     * @param restriction the standing change {@code decisionId} names, if it names one
     */
    static Target target(
            String caseId,
            Complainant complainant,
            String decisionId,
            List<CaseDecision> decisions,
            Instant notifiedAt,
            Optional<StandingChange> restriction,
            Period window) {
        if (restriction.isPresent()) {
            return restriction(caseId, complainant, restriction.get(), window);
        }
        Optional<CaseDecision> notified =
                decisions.stream().filter(d -> d.kind() != DecisionKind.APPEAL).reduce((first, second) -> second);
        CaseDecision decision;
        if (decisionId == null) {
            decision = notified.filter(d -> notifiedAt != null)
                    .orElseThrow(() -> new CaseStateException("case " + caseId + " has no decision notified yet"));
        } else {
            decision = decisions.stream()
                    .filter(d -> d.decisionId().equals(decisionId))
                    .findFirst()
                    .orElseThrow(() -> invalid("no decision " + decisionId + " on this case"));
        }
        if (decision.kind() == DecisionKind.APPEAL) {
            return new Target(
                    ComplaintSubject.APPEAL_DECISION,
                    decision.decisionId(),
                    decision.decidedAt(),
                    end(decision.decidedAt(), window));
        }
        if (notified.filter(decision::equals).isEmpty()) {
            throw invalid("decision " + decision.decisionId() + " was superseded by the one the parties were told");
        }
        if (notifiedAt == null) {
            throw new CaseStateException("case " + caseId + " has no decision notified yet");
        }
        ComplaintSubject subject =
                switch (decision.verdict()) {
                    case ACCEPT, CONFIRM -> ComplaintSubject.MEASURE;
                    default -> ComplaintSubject.NO_ACTION;
                };
        Complainant affected = subject == ComplaintSubject.MEASURE ? Complainant.UPLOADER : Complainant.NOTIFIER;
        if (complainant != affected) {
            throw invalid(
                    subject == ComplaintSubject.MEASURE
                            ? "only the uploader may complain against a measure"
                            : "only the notifier may complain against a decision to take no action");
        }
        return new Target(subject, decision.decisionId(), notifiedAt, end(notifiedAt, window));
    }

    /** A complaint a party may still file: who, against what, until when. */
    record Open(Complainant complainant, Target target) {}

    /**
     * Every complaint the rules allow on the case, whether or not its window is still open: the affected party
     * against the notified decision, both parties against each decision on a complaint, the restricted party against
     * each suspension or termination that followed from the case.
     */
    static List<Open> allowed(
            List<CaseDecision> decisions, Instant notifiedAt, List<StandingChange> changes, Period window) {
        List<Open> allowed = new ArrayList<>();
        decisions.stream()
                .filter(d -> d.kind() != DecisionKind.APPEAL)
                .reduce((first, second) -> second)
                .filter(notified -> notifiedAt != null)
                .ifPresent(notified -> {
                    boolean measure = notified.verdict() == Verdict.ACCEPT || notified.verdict() == Verdict.CONFIRM;
                    allowed.add(new Open(
                            measure ? Complainant.UPLOADER : Complainant.NOTIFIER,
                            new Target(
                                    measure ? ComplaintSubject.MEASURE : ComplaintSubject.NO_ACTION,
                                    notified.decisionId(),
                                    notifiedAt,
                                    end(notifiedAt, window))));
                });
        for (CaseDecision decision : decisions) {
            if (decision.kind() == DecisionKind.APPEAL) {
                Target target = new Target(
                        ComplaintSubject.APPEAL_DECISION,
                        decision.decisionId(),
                        decision.decidedAt(),
                        end(decision.decidedAt(), window));
                allowed.add(new Open(Complainant.NOTIFIER, target));
                allowed.add(new Open(Complainant.UPLOADER, target));
            }
        }
        for (StandingChange change : changes) {
            if (RESTRICTIONS.contains(change.change())) {
                allowed.add(new Open(
                        change.party().kind() == Party.Kind.NOTIFIER ? Complainant.NOTIFIER : Complainant.UPLOADER,
                        new Target(
                                ComplaintSubject.SUSPENSION,
                                change.changeId(),
                                change.at(),
                                end(change.at(), window))));
            }
        }
        return allowed;
    }

    /** When the engine closes the window: a demo shortens the period from its start, as the lifecycle's timers do. */
    static Instant closes(Target target, int timeCompression) {
        return target.notifiedAt()
                .plus(Duration.between(target.notifiedAt(), target.windowEnds()).dividedBy(timeCompression));
    }

    private static Target restriction(String caseId, Complainant complainant, StandingChange change, Period window) {
        Party.Kind kind = complainant == Complainant.NOTIFIER ? Party.Kind.NOTIFIER : Party.Kind.UPLOADER;
        if (!RESTRICTIONS.contains(change.change())
                || !caseId.equals(change.caseId())
                || change.party().kind() != kind) {
            throw invalid("no suspension or termination of yours follows from this case");
        }
        return new Target(ComplaintSubject.SUSPENSION, change.changeId(), change.at(), end(change.at(), window));
    }

    private static Instant end(Instant notified, Period window) {
        return ComplaintPeriods.end(notified, window, ComplaintPeriods.ANY_ZONE);
    }

    private static InvalidDecisionException invalid(String message) {
        return new InvalidDecisionException(List.of(new FieldProblem("decision_id", message)));
    }
}
