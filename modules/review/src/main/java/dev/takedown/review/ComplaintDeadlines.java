package dev.takedown.review;

import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Standing;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.Deadline;
import dev.takedown.notices.DeadlineKind;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.Party;
import dev.takedown.notices.RunningDeadlines;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The complaint windows still open on a case, one per party and decision that affects it (DSA Art. 20(1)), a
 * suspension or termination among them, and the end of each suspension in force that followed from the case
 * (Art. 23(1)). A window closes once its party has
 * complained against that decision.
 */
@Component
class ComplaintDeadlines implements RunningDeadlines {

    private static final String MONTHS = "calendar months; the day as it ends last in any time zone";

    private final NoticeCases cases;
    private final Appeals appeals;
    private final Misuse misuse;
    private final Clock clock;

    ComplaintDeadlines(NoticeCases cases, Appeals appeals, Misuse misuse, Clock clock) {
        this.cases = cases;
        this.appeals = appeals;
        this.misuse = misuse;
        this.clock = clock;
    }

    @Override
    public List<Deadline> of(String caseId) {
        Instant now = clock.instant();
        CaseTimers timers = cases.timers(caseId);
        List<StandingChange> changes = misuse.changesOnCase(caseId);
        Set<Appeals.Filed> filed = appeals.filed(caseId);
        List<Deadline> found = new ArrayList<>();
        for (ComplaintRules.Open open : ComplaintRules.allowed(
                cases.decisions(caseId),
                timers.notifiedAt(),
                changes,
                timers.policy().appealWindow())) {
            ComplaintRules.Target target = open.target();
            Instant closes = ComplaintRules.closes(target, timers.timeCompression());
            if (closes.isAfter(now) && !filed.contains(new Appeals.Filed(open.complainant(), target.decisionId()))) {
                found.add(new Deadline(
                        DeadlineKind.COMPLAINT_WINDOW,
                        closes,
                        target.windowEnds(),
                        "DSA Art. 20(1): a complaint against " + against(target, changes) + " within "
                                + timers.policy().appealWindow().toTotalMonths()
                                + " calendar months of its notification, to the end of the day with the same date "
                                + "(Reg. 1182/71 Art. 3(2)(c))",
                        MONTHS,
                        party(open.complainant())));
            }
        }
        for (StandingChange change : changes) {
            if (change.change() == StandingChangeKind.SUSPENDED && inForce(change, now)) {
                found.add(new Deadline(
                        DeadlineKind.SUSPENSION_END,
                        change.until(),
                        change.until(),
                        "DSA Art. 23(1): suspended for a reasonable period; reinstated by itself at its end",
                        "elapsed time",
                        change.party().kind() == dev.takedown.misuse.Party.Kind.NOTIFIER
                                ? Party.NOTIFIER
                                : Party.UPLOADER));
            }
        }
        return found;
    }

    private boolean inForce(StandingChange suspension, Instant now) {
        Standing standing = misuse.standing(suspension.party());
        return standing.suspended()
                && suspension.changeId().equals(standing.changeId())
                && standing.until() != null
                && standing.until().isAfter(now);
    }

    private static String against(ComplaintRules.Target target, List<StandingChange> changes) {
        return switch (target.subject()) {
            case NO_ACTION -> "the decision to take no action (" + target.decisionId() + ")";
            case MEASURE -> "the measures decided (" + target.decisionId() + ")";
            case APPEAL_DECISION -> "the decision on a complaint (" + target.decisionId() + ")";
            case SUSPENSION -> {
                boolean termination = changes.stream()
                        .anyMatch(change -> change.changeId().equals(target.decisionId())
                                && change.change() == StandingChangeKind.TERMINATED);
                yield (termination ? "the termination (" : "the suspension (") + target.decisionId() + ")";
            }
        };
    }

    private static Party party(Complainant complainant) {
        return complainant == Complainant.NOTIFIER ? Party.NOTIFIER : Party.UPLOADER;
    }
}
