package dev.takedown.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.when;

import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Standing;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.misuse.StandingStatus;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.Deadline;
import dev.takedown.notices.DeadlineKind;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.Party;
import dev.takedown.notices.ProfilePolicies;
import dev.takedown.notices.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** Each party's complaint windows and a suspension's end, as the case's deadlines show them, on fixed dates. */
@ExtendWith(MockitoExtension.class)
class ComplaintDeadlinesTest {

    private static final String CASE = "case-1";
    /** 31 Aug 2025: six months end with 28 Feb 2026 where that day ends last (UTC−12). */
    private static final Instant NOTIFIED = Instant.parse("2025-08-31T10:00:00Z");

    private static final Instant END_OF_28_FEB_ANYWHERE = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant APPEAL_DECIDED = Instant.parse("2025-09-10T08:00:00Z");
    /** 10 Sep 08:00 UTC is 10 Sep from UTC−8 eastwards: the end of 10 Mar in UTC−8 is the last. */
    private static final Instant END_OF_10_MAR_ANYWHERE = Instant.parse("2026-03-11T08:00:00Z");

    private static final Instant SUSPENDED = Instant.parse("2025-09-01T00:00:00Z");
    private static final Instant SUSPENDED_UNTIL = Instant.parse("2025-10-01T00:00:00Z");
    private static final dev.takedown.misuse.Party NOTIFIER = dev.takedown.misuse.Party.notifier("org-a");

    @Mock
    NoticeCases cases;

    @Mock
    Appeals appeals;

    @Mock
    Misuse misuse;

    @Test
    void theNotifierMayComplainAgainstNoActionUntilTheEndOfTheCorrespondingDayTheUploaderNot() {
        timers(1);
        decisions(decision("d-1", DecisionKind.REVIEW, Verdict.REJECT, NOTIFIED.minusSeconds(60)));

        assertThat(at(Instant.parse("2025-09-05T00:00:00Z"))).singleElement().satisfies(window -> {
            assertThat(window.name()).isEqualTo(DeadlineKind.COMPLAINT_WINDOW);
            assertThat(window.party()).isEqualTo(Party.NOTIFIER);
            assertThat(window.at()).isEqualTo(END_OF_28_FEB_ANYWHERE);
            assertThat(window.legalAt()).isEqualTo(END_OF_28_FEB_ANYWHERE);
            assertThat(window.rule()).contains("Art. 20(1)", "6 calendar months", "d-1");
        });
        assertThat(at(END_OF_28_FEB_ANYWHERE)).as("closed at its end").isEmpty();
    }

    /**
     * After a decision on the notifier's complaint, both parties may complain against that one; the notifier, who
     * complained already against the first, has no window left on it; the suspended notifier has one against the
     * suspension, whose end is shown while it is in force.
     */
    @Test
    void eachPartyHasAWindowPerDecisionThatAffectsItAndASuspensionShowsItsEnd() {
        timers(1);
        decisions(
                decision("d-1", DecisionKind.REVIEW, Verdict.REJECT, NOTIFIED.minusSeconds(60)),
                decision("d-2", DecisionKind.APPEAL, Verdict.REVERSE, APPEAL_DECIDED));
        when(appeals.filed(CASE)).thenReturn(Set.of(new Appeals.Filed(Complainant.NOTIFIER, "d-1")));
        StandingChange suspension = new StandingChange(
                "s-1", NOTIFIER, StandingChangeKind.SUSPENDED, SUSPENDED, SUSPENDED_UNTIL, CASE, "system", null, null);
        when(misuse.changesOnCase(CASE)).thenReturn(List.of(suspension));
        when(misuse.standing(NOTIFIER))
                .thenReturn(new Standing(NOTIFIER, StandingStatus.SUSPENDED, SUSPENDED, SUSPENDED_UNTIL, CASE, "s-1"));

        assertThat(at(Instant.parse("2025-09-15T00:00:00Z")))
                .extracting(Deadline::name, Deadline::party, Deadline::at)
                .containsExactlyInAnyOrder(
                        tuple(DeadlineKind.SUSPENSION_END, Party.NOTIFIER, SUSPENDED_UNTIL),
                        // 1 Sep 00:00 UTC is 1 Sep from UTC eastwards: the end of 1 Mar in UTC is the last
                        tuple(DeadlineKind.COMPLAINT_WINDOW, Party.NOTIFIER, Instant.parse("2026-03-02T00:00:00Z")),
                        tuple(DeadlineKind.COMPLAINT_WINDOW, Party.NOTIFIER, END_OF_10_MAR_ANYWHERE),
                        tuple(DeadlineKind.COMPLAINT_WINDOW, Party.UPLOADER, END_OF_10_MAR_ANYWHERE));

        when(misuse.standing(NOTIFIER)).thenReturn(Standing.good(NOTIFIER));
        assertThat(at(Instant.parse("2025-09-15T00:00:00Z")))
                .as("a lifted suspension has no end to show")
                .extracting(Deadline::name)
                .doesNotContain(DeadlineKind.SUSPENSION_END);
    }

    /** A terminated uploader has a window against its termination, which has no end to show. */
    @Test
    void aTerminationHasAComplaintWindowNamedForItAndNoEnd() {
        timers(1);
        decisions(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, NOTIFIED.minusSeconds(60)));
        when(appeals.filed(CASE)).thenReturn(Set.of(new Appeals.Filed(Complainant.UPLOADER, "d-1")));
        dev.takedown.misuse.Party account = dev.takedown.misuse.Party.uploader("acct-a");
        when(misuse.changesOnCase(CASE))
                .thenReturn(List.of(new StandingChange(
                        "t-1", account, StandingChangeKind.TERMINATED, SUSPENDED, null, CASE, "system", null, null)));

        assertThat(at(Instant.parse("2025-09-15T00:00:00Z"))).singleElement().satisfies(window -> {
            assertThat(window.name()).isEqualTo(DeadlineKind.COMPLAINT_WINDOW);
            assertThat(window.party()).isEqualTo(Party.UPLOADER);
            assertThat(window.at()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
            assertThat(window.rule()).contains("against the termination (t-1)");
        });
    }

    @Test
    void aDemoClosesTheWindowEarlierAndShowsTheRulesDateBeside() {
        timers(60);
        decisions(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, NOTIFIED.minusSeconds(60)));

        assertThat(at(NOTIFIED)).singleElement().satisfies(window -> {
            assertThat(window.party()).isEqualTo(Party.UPLOADER);
            assertThat(window.legalAt()).isEqualTo(END_OF_28_FEB_ANYWHERE);
            assertThat(window.at())
                    .isEqualTo(NOTIFIED.plus(
                            Duration.between(NOTIFIED, END_OF_28_FEB_ANYWHERE).dividedBy(60)));
        });
    }

    private List<Deadline> at(Instant now) {
        return new ComplaintDeadlines(cases, appeals, misuse, Clock.fixed(now, ZoneOffset.UTC)).of(CASE);
    }

    private void timers(int compression) {
        when(cases.timers(CASE))
                .thenReturn(new CaseTimers(
                        JurisdictionProfile.EU_DSA,
                        new ProfilePolicies.Policy(true, Duration.ofDays(14), null, null, false, Period.ofMonths(6)),
                        compression,
                        NOTIFIED.minus(Duration.ofDays(2)),
                        NOTIFIED,
                        null,
                        null,
                        null));
    }

    private void decisions(CaseDecision... decisions) {
        when(cases.decisions(CASE)).thenReturn(List.of(decisions));
    }

    private static CaseDecision decision(String id, DecisionKind kind, Verdict verdict, Instant at) {
        return new CaseDecision(id, CASE, "t-" + id, kind, verdict, List.of(), "reasons", "mod", at);
    }
}
