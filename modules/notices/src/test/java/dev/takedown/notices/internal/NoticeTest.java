package dev.takedown.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.CaseStatus;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A case's outcome is what its decisions come to, in the order they were taken. */
class NoticeTest {

    private static final Instant AT = Instant.parse("2025-09-19T01:00:00Z");

    private final Notice notice = new Notice(
            UUID.randomUUID(),
            "org-a",
            "rightsholder-a",
            "API",
            List.of("EU_DSA"),
            "Studio A",
            null,
            "Ultraman",
            "{}",
            AT,
            null,
            "hash");

    @Test
    void undecidedCaseHasNoOutcome() {
        assertThat(notice.outcome()).isEmpty();
        assertThat(notice.effectiveDecision()).isEmpty();
    }

    @Test
    void acceptedCaseTookActionAndAConfirmationKeepsIt() {
        RecordedDecision accepted = notice.decide("t1", Verdict.ACCEPT, List.of("DELETE"), null, "m", AT);
        notice.decide("t2", Verdict.CONFIRM, List.of(), null, "s", AT.plusSeconds(1));

        assertThat(notice.outcome()).contains(CaseOutcome.ACTION_TAKEN);
        assertThat(notice.effectiveDecision()).contains(accepted);
    }

    /** Taken in the same instant (one clock tick), the kinds keep their legal order. */
    @Test
    void anOverturnEndsInNoActionWhateverTheClockSays() {
        notice.decide("t2", Verdict.OVERTURN, List.of(), "too much", "s", AT);
        notice.decide("t1", Verdict.ACCEPT, List.of("ACCOUNT_TERMINATE"), null, "m", AT);

        assertThat(notice.getDecisions())
                .extracting(RecordedDecision::getKind)
                .containsExactly(DecisionKind.REVIEW, DecisionKind.CONFIRMATION);
        assertThat(notice.outcome()).contains(CaseOutcome.NO_ACTION);
        assertThat(notice.effectiveDecision().orElseThrow().getVerdict()).isEqualTo(Verdict.OVERTURN);
    }

    @Test
    void aReversedAppealTurnsTheOutcomeAroundAndAnUpheldOneKeepsIt() {
        notice.decide("t1", Verdict.REJECT, List.of(), "parody", "m", AT);
        assertThat(notice.outcome()).contains(CaseOutcome.NO_ACTION);

        RecordedDecision reversed =
                notice.decide("t3", Verdict.REVERSE, List.of("DELETE"), "not parody", "s", AT.plusSeconds(60));
        assertThat(notice.outcome()).contains(CaseOutcome.ACTION_TAKEN);
        assertThat(notice.effectiveDecision()).contains(reversed);
        assertThat(notice.decisionIn("t3", DecisionKind.APPEAL)).contains(reversed);
        assertThat(notice.decisionIn("t3", DecisionKind.REVIEW)).isEmpty();

        Notice upheld =
                new Notice(UUID.randomUUID(), "org-a", "a", "API", List.of(), null, null, null, "{}", AT, null, "h");
        upheld.decide("t1", Verdict.ACCEPT, List.of("DELETE"), null, "m", AT);
        upheld.decide("t3", Verdict.UPHOLD, List.of(), "copies", "s", AT.plusSeconds(60));
        assertThat(upheld.outcome()).contains(CaseOutcome.ACTION_TAKEN);
        assertThat(upheld.effectiveDecision().orElseThrow().getVerdict()).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void aRepeatedMoveChangesNothing() {
        assertThat(notice.moveTo(CaseStatus.UNDER_REVIEW, "system", "queued", AT))
                .isTrue();
        assertThat(notice.moveTo(CaseStatus.UNDER_REVIEW, "system", "queued", AT))
                .isFalse();

        assertThat(notice.getHistory())
                .extracting(NoticeHistoryEntry::getStatus)
                .containsExactly(CaseStatus.RECEIVED, CaseStatus.UNDER_REVIEW);
    }
}
