package dev.takedown.remediation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.events.FilterWideningDecided;
import dev.takedown.events.RemediationChangeRecorded;
import dev.takedown.events.RemediationEscalated;
import dev.takedown.events.RemediationOpened;
import dev.takedown.events.RemediationVerificationFailed;
import dev.takedown.events.RemediationVerified;
import dev.takedown.events.RemediationWithdrawn;
import dev.takedown.remediation.RemediationConflictException;
import dev.takedown.remediation.RemediationStatus;
import dev.takedown.remediation.VerificationOutcome;
import dev.takedown.remediation.WideningReview;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Every move of the aggregate from every status: the legal ones and their facts, the refused ones changing nothing. */
class RemediationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofDays(15));

    private static Remediation opened() {
        Remediation remediation = Remediation.open("case-1", "org-platform", T0, DUE, null, null);
        events(remediation);
        return remediation;
    }

    private static Remediation verifying() {
        Remediation remediation = opened();
        remediation.recordChange("f-2", null, "filter widened", List.of(), false, "platform", T0.plusSeconds(60));
        events(remediation);
        return remediation;
    }

    private static Remediation awaitingApproval() {
        Remediation remediation = opened();
        remediation.recordChange("f-2", null, "names added", List.of("Tiga"), true, "platform", T0.plusSeconds(60));
        events(remediation);
        return remediation;
    }

    private static Remediation verified() {
        Remediation remediation = verifying();
        remediation.passVerification(List.of("m-1"), 2, T0.plusSeconds(90), T0.plusSeconds(100));
        events(remediation);
        return remediation;
    }

    private static Remediation withdrawn() {
        Remediation remediation = opened();
        remediation.withdraw(T0.plusSeconds(200));
        events(remediation);
        return remediation;
    }

    /** The facts registered since the last call (and forgets them, as publishing on save does). */
    @SuppressWarnings("unchecked")
    private static List<Object> events(Remediation remediation) {
        List<Object> events =
                new ArrayList<>((List<Object>) ReflectionTestUtils.invokeMethod(remediation, "domainEvents"));
        ReflectionTestUtils.invokeMethod(remediation, "clearDomainEvents");
        return events;
    }

    /** The move is refused and nothing about the remediation changes. */
    private static void refused(Remediation remediation, Consumer<Remediation> move) {
        RemediationStatus before = remediation.getStatus();
        int changes = remediation.getChanges().size();
        int verifications = remediation.getVerifications().size();
        assertThatThrownBy(() -> move.accept(remediation))
                .isInstanceOf(RemediationConflictException.class)
                .hasMessageContaining(before.name());
        assertThat(remediation.getStatus()).isEqualTo(before);
        assertThat(remediation.getChanges()).hasSize(changes);
        assertThat(remediation.getVerifications()).hasSize(verifications);
        assertThat(events(remediation)).isEmpty();
    }

    @Test
    void opensForTheOwnerWithTheDueDateAndSaysSo() {
        Remediation remediation = Remediation.open("case-1", "org-partner", T0, DUE, "m-9", "suite failed");

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(remediation.getOwnerId()).isEqualTo("org-partner");
        assertThat(remediation.getDueAt()).isEqualTo(DUE);
        assertThat(remediation.getLastFailure()).isEqualTo("suite failed");
        assertThat(events(remediation)).singleElement().isInstanceOfSatisfying(RemediationOpened.class, e -> {
            assertThat(e.caseId()).isEqualTo("case-1");
            assertThat(e.remediationId()).isEqualTo(remediation.getId().toString());
            assertThat(e.ownerId()).isEqualTo("org-partner");
            assertThat(e.dueAt()).isEqualTo(DUE);
            assertThat(e.measureId()).isEqualTo("m-9");
        });
    }

    @Test
    void aLongFailureIsCutToItsColumn() {
        Remediation remediation = Remediation.open("case-1", "o", T0, DUE, "m-1", "x".repeat(5000));
        assertThat(remediation.getLastFailure()).hasSize(Remediation.MAX_FAILURE);
    }

    @Test
    void aChangeWithoutWideningGoesToVerification() {
        Remediation remediation = opened();

        RecordedChange change = remediation.recordChange(
                "f-2", "gen-4.1", "retrained", List.of(), false, "platform", T0.plusSeconds(60));

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.VERIFYING);
        assertThat(change.getWidening()).isEqualTo(WideningReview.NONE);
        assertThat(change.effectiveAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(events(remediation)).singleElement().isInstanceOfSatisfying(RemediationChangeRecorded.class, e -> {
            assertThat(e.changeId()).isEqualTo(change.getId().toString());
            assertThat(e.actor()).isEqualTo("platform");
            assertThat(e.wideningReview()).isFalse();
        });
    }

    @Test
    void aWideningChangeWaitsForAModerator() {
        Remediation remediation = opened();

        RecordedChange change = remediation.recordChange(
                "f-2", null, "names added", List.of("Tiga", "迪迦"), true, "platform", T0.plusSeconds(60));

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.AWAITING_APPROVAL);
        assertThat(change.getWidening()).isEqualTo(WideningReview.PENDING);
        assertThat(change.getAddedTerms()).containsExactly("Tiga", "迪迦");
        assertThat(events(remediation)).singleElement().isInstanceOfSatisfying(RemediationChangeRecorded.class, e -> {
            assertThat(e.wideningReview()).isTrue();
            assertThat(e.addedTerms()).containsExactly("Tiga", "迪迦");
        });
    }

    @Test
    void aWideningWithoutTermsIsNoWidening() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> opened().recordChange("f", null, "d", List.of(), true, "p", T0));
    }

    @Test
    void isRefusedUnlessTheOwnerIsAsked() {
        Consumer<Remediation> change =
                r -> r.recordChange("f-3", null, "again", List.of(), false, "platform", T0.plusSeconds(300));
        refused(verifying(), change);
        refused(awaitingApproval(), change);
        refused(verified(), change);
        refused(withdrawn(), change);
    }

    @Test
    void approvalSendsTheChangeToVerificationFromItsApproval() {
        Remediation remediation = awaitingApproval();

        RecordedChange change = remediation.approveWidening("moderator", null, T0.plusSeconds(120));

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.VERIFYING);
        assertThat(change.getWidening()).isEqualTo(WideningReview.APPROVED);
        assertThat(change.getWideningDecidedBy()).isEqualTo("moderator");
        assertThat(change.effectiveAt())
                .as("the wider filter exists from the approval on")
                .isEqualTo(T0.plusSeconds(120));
        assertThat(events(remediation)).singleElement().isInstanceOfSatisfying(FilterWideningDecided.class, e -> {
            assertThat(e.approved()).isTrue();
            assertThat(e.terms()).containsExactly("Tiga");
            assertThat(e.actor()).isEqualTo("moderator");
        });
    }

    @Test
    void refusalGivesTheRemediationBackToTheOwnerWithTheReason() {
        Remediation remediation = awaitingApproval();

        RecordedChange change =
                remediation.refuseWidening("senior", "blocks fan art of other works", T0.plusSeconds(120));

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(change.getWidening()).isEqualTo(WideningReview.REFUSED);
        assertThat(change.getWideningReason()).isEqualTo("blocks fan art of other works");
        assertThat(remediation.getLastFailure()).contains("[Tiga]", "senior", "blocks fan art of other works");
        assertThat(events(remediation))
                .singleElement()
                .isInstanceOfSatisfying(
                        FilterWideningDecided.class,
                        e -> assertThat(e.approved()).isFalse());
    }

    @Test
    void aRefusalNeedsAReason() {
        Remediation remediation = awaitingApproval();
        assertThatIllegalArgumentException().isThrownBy(() -> remediation.refuseWidening("m", " ", T0));
        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.AWAITING_APPROVAL);
    }

    @Test
    void isRefusedWhenNoWideningWaits() {
        for (Remediation remediation : List.of(opened(), verifying(), verified(), withdrawn())) {
            refused(remediation, r -> r.approveWidening("moderator", null, T0.plusSeconds(400)));
            refused(remediation, r -> r.refuseWidening("moderator", "no", T0.plusSeconds(400)));
        }
    }

    @Test
    void passingMarksItVerified() {
        Remediation remediation = verifying();

        Verification verification =
                remediation.passVerification(List.of("m-1"), 2, T0.plusSeconds(90), T0.plusSeconds(100));

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.VERIFIED);
        assertThat(remediation.getVerifiedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(verification.getOutcome()).isEqualTo(VerificationOutcome.PASSED);
        assertThat(verification.getChangeId())
                .isEqualTo(remediation.latestChange().getId());
        assertThat(events(remediation)).singleElement().isInstanceOfSatisfying(RemediationVerified.class, e -> {
            assertThat(e.promptsBlocked()).isEqualTo(2);
            assertThat(e.measureIds()).containsExactly("m-1");
        });
    }

    @Test
    void failingGoesBackToTheOwnerWithThePromptsStillGenerated() {
        Remediation remediation = verifying();

        remediation.failVerification(
                VerificationOutcome.FAILED,
                List.of("m-1"),
                1,
                List.of("the giant of light"),
                T0.plusSeconds(90),
                "1 prompt(s) of the replay suite are still generated: the giant of light",
                T0.plusSeconds(100));

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(remediation.getLastFailure()).contains("the giant of light");
        assertThat(remediation.getVerifications())
                .singleElement()
                .satisfies(v -> assertThat(v.getFailedPrompts()).containsExactly("the giant of light"));
        assertThat(events(remediation))
                .singleElement()
                .isInstanceOfSatisfying(RemediationVerificationFailed.class, e -> {
                    assertThat(e.outcome()).isEqualTo("FAILED");
                    assertThat(e.failedPrompts()).containsExactly("the giant of light");
                });
    }

    @Test
    void withoutAReplaySuiteNothingIsVerified() {
        Remediation remediation = verifying();
        remediation.failVerification(
                VerificationOutcome.NO_REPLAY_SUITE, List.of(), 0, List.of(), null, "no suite", T0);
        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(events(remediation))
                .singleElement()
                .isInstanceOfSatisfying(
                        RemediationVerificationFailed.class,
                        e -> assertThat(e.outcome()).isEqualTo("NO_REPLAY_SUITE"));
    }

    @Test
    void aFailureIsFailedOrHasNoSuite() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> verifying()
                        .failVerification(VerificationOutcome.PASSED, List.of(), 0, List.of(), null, "x", T0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> verifying()
                        .failVerification(VerificationOutcome.PENDING, List.of(), 0, List.of(), null, "x", T0));
    }

    @Test
    void isRefusedUnlessAChangeIsBeingVerified() {
        for (Remediation remediation : List.of(opened(), awaitingApproval(), verified(), withdrawn())) {
            refused(remediation, r -> r.passVerification(List.of("m-1"), 1, T0, T0.plusSeconds(500)));
            refused(
                    remediation,
                    r -> r.failVerification(
                            VerificationOutcome.FAILED, List.of(), 0, List.of("p"), T0, "f", T0.plusSeconds(500)));
        }
    }

    @Test
    void anyOpenRemediationIsWithdrawn() {
        for (Remediation remediation : List.of(opened(), awaitingApproval(), verifying())) {
            remediation.withdraw(T0.plusSeconds(300));
            assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.WITHDRAWN);
            assertThat(remediation.getWithdrawnAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(events(remediation)).singleElement().isInstanceOf(RemediationWithdrawn.class);
        }
    }

    @Test
    void aVerifiedOrWithdrawnOneIsNotWithdrawnAgain() {
        refused(verified(), r -> r.withdraw(T0.plusSeconds(300)));
        refused(withdrawn(), r -> r.withdraw(T0.plusSeconds(300)));
    }

    @Test
    void aReplayThatFailedAfterTheVerificationReopensItWithANewDueDateAndOwner() {
        Remediation remediation = verified();
        Instant later = T0.plus(Duration.ofDays(3));

        assertThat(remediation.mayReopenAfter(later)).isTrue();
        remediation.reopen("org-partner", later, later, later.plus(Duration.ofDays(15)), "m-2", "failed again");

        assertThat(remediation.getStatus()).isEqualTo(RemediationStatus.AWAITING_OWNER);
        assertThat(remediation.getOwnerId()).isEqualTo("org-partner");
        assertThat(remediation.getDueAt()).isEqualTo(later.plus(Duration.ofDays(15)));
        assertThat(remediation.getVerifiedAt()).isNull();
        assertThat(remediation.getLastFailure()).isEqualTo("failed again");
        assertThat(events(remediation))
                .singleElement()
                .isInstanceOfSatisfying(
                        RemediationOpened.class, e -> assertThat(e.measureId()).isEqualTo("m-2"));
    }

    @Test
    void aWithdrawnOneReopensAfterALaterFailureAndMayEscalateAgain() {
        Remediation remediation = opened();
        remediation.escalate("COMPLIANCE_OFFICER", DUE);
        remediation.withdraw(DUE.plusSeconds(10));
        events(remediation);
        Instant later = DUE.plusSeconds(60);

        remediation.reopen("org-platform", later, later, later.plus(Duration.ofDays(15)), "m-1", "failed");

        assertThat(remediation.getEscalatedAt()).isNull();
        assertThat(remediation.getWithdrawnAt()).isNull();
        remediation.escalate("COMPLIANCE_OFFICER", later.plus(Duration.ofDays(15)));
        assertThat(remediation.getEscalatedAt()).isEqualTo(later.plus(Duration.ofDays(15)));
    }

    @Test
    void aReplayFromBeforeTheVerificationReopensNothing() {
        Remediation remediation = verified();
        Instant before = T0.plusSeconds(30);
        assertThat(remediation.mayReopenAfter(before)).isFalse();
        refused(remediation, r -> r.reopen("o", before, T0.plusSeconds(600), DUE, "m-1", "stale"));
    }

    @Test
    void anOpenRemediationIsNotReopened() {
        for (Remediation remediation : List.of(opened(), awaitingApproval(), verifying())) {
            assertThat(remediation.mayReopenAfter(DUE)).isFalse();
            refused(remediation, r -> r.reopen("o", DUE, DUE, DUE.plusSeconds(1), "m-1", "f"));
        }
    }

    @Test
    void anOverdueOpenRemediationEscalatesOnce() {
        for (Remediation remediation : List.of(opened(), awaitingApproval(), verifying())) {
            remediation.escalate("COMPLIANCE_OFFICER", DUE);

            assertThat(remediation.getEscalatedAt()).isEqualTo(DUE);
            assertThat(events(remediation)).singleElement().isInstanceOfSatisfying(RemediationEscalated.class, e -> {
                assertThat(e.toGroup()).isEqualTo("COMPLIANCE_OFFICER");
                assertThat(e.dueAt()).isEqualTo(DUE);
            });
            refused(remediation, r -> r.escalate("COMPLIANCE_OFFICER", DUE.plusSeconds(60)));
        }
    }

    @Test
    void notBeforeItIsDueNorOnceItIsClosed() {
        refused(opened(), r -> r.escalate("COMPLIANCE_OFFICER", DUE.minusSeconds(1)));
        refused(verified(), r -> r.escalate("COMPLIANCE_OFFICER", DUE));
        refused(withdrawn(), r -> r.escalate("COMPLIANCE_OFFICER", DUE));
    }
}
