package dev.takedown.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.takedown.aigc.LabelEvidence;
import dev.takedown.aigc.RiskWarnings;
import dev.takedown.events.SimilarUploads;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.measures.MeasureScope;
import dev.takedown.measures.MeasureStatus;
import dev.takedown.measures.MeasureTarget;
import dev.takedown.measures.MeasureType;
import dev.takedown.measures.MeasureView;
import dev.takedown.measures.Measures;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeKind;
import dev.takedown.notices.CaseDecision;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.DecisionKind;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.RestrictionScopes;
import dev.takedown.notices.TargetType;
import dev.takedown.notices.TriageFacts;
import dev.takedown.notices.UploaderDeclaration;
import dev.takedown.notices.Verdict;
import dev.takedown.workflow.ReviewTask;
import dev.takedown.workflow.ReviewTasks;
import dev.takedown.workflow.TaskClaimConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The decision rules of moderation against the case's lifecycle: what each verdict asks the lifecycle to record, when
 * a second reviewer is needed, and that nobody reviews a decision they took part in.
 */
@ExtendWith(MockitoExtension.class)
class ReviewTest {

    private static final Instant NOW = Instant.parse("2025-09-19T03:00:00Z");
    private static final String CASE = "case-1";
    private static final Moderator FIRST = new Moderator("first", List.of("MODERATOR"));
    private static final Moderator SECOND = new Moderator("second", List.of("MODERATOR", "SENIOR_MODERATOR"));
    private static final Moderator THIRD = new Moderator("third", List.of("MODERATOR", "SENIOR_MODERATOR"));

    @Mock
    ReviewTasks tasks;

    @Mock
    NoticeCases cases;

    @Mock
    CaseLifecycle lifecycle;

    @Mock
    Measures measures;

    @Mock
    ApplicationEventPublisher events;

    @Mock
    RiskWarnings riskWarnings;

    @Mock
    Appeals appeals;

    @Mock
    Misuse misuse;

    @Mock
    LabelEvidence labels;

    private Review review;

    @BeforeEach
    void setUp() {
        review = new Review(
                tasks,
                cases,
                lifecycle,
                measures,
                events,
                riskWarnings,
                appeals,
                misuse,
                AUTHORITY,
                labels,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static final CriminalOffenceAuthority AUTHORITY =
            new CriminalOffenceAuthority("Landeskriminalamt Berlin", "lka@polizei.berlin.de", null, null);
    private static final Moderator OFFICER = new Moderator("officer", List.of("COMPLIANCE_OFFICER"));

    /** DSA Art. 18: the flag is the lifecycle's step with the moderator and the reason; the moderator's task stays. */
    @Test
    void aModeratorFlagsASuspectedOffenceWithAReasonAndKeepsTheTask() {
        task("t-review", ReviewTask.Kind.REVIEW, FIRST);

        assertThat(review.flagCriminalOffence(FIRST, "t-review", " threatens to hurt the author "))
                .isEqualTo(CASE);

        verify(lifecycle).flagCriminalOffence(CASE, "first", "threatens to hurt the author");
        verify(tasks, never()).complete(anyString(), anyString(), any(), anyMap());
        assertThatThrownBy(() -> review.flagCriminalOffence(FIRST, "t-review", " "))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("reason"));
        task("t-restore", ReviewTask.Kind.RESTORE_OVERDUE, OFFICER);
        assertThatThrownBy(() -> review.flagCriminalOffence(OFFICER, "t-restore", "a threat"))
                .isInstanceOf(CaseStateException.class);
    }

    /** DSA Art. 18: who informed the configured authority, when and under which reference, then the task closes. */
    @Test
    void complianceRecordsTheNotificationOfTheConfiguredAuthorityOnItsClaimedTask() {
        claimed("t-offence", ReviewTask.Kind.CRIMINAL_OFFENCE, OFFICER);
        when(tasks.flagOf("t-offence")).thenReturn("flag-1");
        when(tasks.complete("t-offence", "officer", OFFICER.queues(), Map.of())).thenReturn(CASE);
        Instant phoned = NOW.minusSeconds(3600);

        assertThat(review.recordAuthorityNotification(
                        OFFICER, "t-offence", new AuthorityNotification(" LKA-2025-0042 ", phoned)))
                .isEqualTo(CASE);

        InOrder order = inOrder(lifecycle, tasks);
        order.verify(lifecycle)
                .recordAuthorityNotified(
                        CASE, "officer", "flag-1", "Landeskriminalamt Berlin", phoned, "LKA-2025-0042");
        order.verify(tasks).complete("t-offence", "officer", OFFICER.queues(), Map.of());
        assertThatThrownBy(() -> review.recordAuthorityNotification(
                        OFFICER, "t-offence", new AuthorityNotification("", NOW.plusSeconds(60))))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("reference", "notified_at"));
    }

    @Test
    void aNotificationIsRecordedOnlyOnACriminalOffenceTaskTheOfficerClaimed() {
        task("t-review", ReviewTask.Kind.REVIEW, OFFICER);
        assertThatThrownBy(() ->
                        review.recordAuthorityNotification(OFFICER, "t-review", new AuthorityNotification("ref", null)))
                .isInstanceOf(CaseStateException.class);
        task("t-offence", ReviewTask.Kind.CRIMINAL_OFFENCE, OFFICER);
        assertThatThrownBy(() -> review.recordAuthorityNotification(
                        OFFICER, "t-offence", new AuthorityNotification("ref", null)))
                .isInstanceOf(TaskClaimConflictException.class);
        verify(lifecycle, never())
                .recordAuthorityNotified(anyString(), anyString(), anyString(), anyString(), any(), anyString());
    }

    @Test
    void anAuthorityThatCannotBeReachedStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new CriminalOffenceAuthority("LKA", null, null, null))
                .hasMessageContaining("takedown.art18.authority.email or .phone");
        assertThatThrownBy(() -> new CriminalOffenceAuthority(null, "lka@polizei.berlin.de", null, null))
                .hasMessageContaining("takedown.art18.authority.name");
        assertThatThrownBy(() -> new CriminalOffenceAuthority("LKA", "not an address", null, null))
                .hasMessageContaining("takedown.art18.authority.email 'not an address'");
        assertThat(new CriminalOffenceAuthority(" ", "", null, null).configured())
                .as("unset: the task says no authority is configured")
                .isFalse();
    }

    @Test
    void aLabelMeasureKnowsWhichTargetsWereDeclaredAiGeneratedAndWhichLabelsAChecksVerified() {
        ReviewTask task = task("t-review", ReviewTask.Kind.REVIEW, FIRST);
        when(lifecycle.decide(CASE, "t-review", Verdict.ACCEPT, List.of("LABEL"), "unlabelled", "first"))
                .thenReturn(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first"));
        when(cases.targets(CASE))
                .thenReturn(List.of(
                        declared("https://gen.example/o/1", UploaderDeclaration.AI_GENERATED),
                        declared("https://gen.example/o/2", UploaderDeclaration.AI_GENERATED),
                        declared("https://gen.example/o/3", UploaderDeclaration.NOT_AI_GENERATED)));
        // the label of the first target was missing, then a later image carried it; the second's was tampered
        when(labels.forCase(CASE))
                .thenReturn(List.of(labelCheck(0, "MISSING"), labelCheck(1, "TAMPERED"), labelCheck(0, "PRESENT")));

        review.decide(FIRST, "t-review", new DecisionRequest("ACCEPT", List.of("LABEL"), "unlabelled"));

        verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.LABEL),
                        List.of(
                                new MeasureTarget("https://gen.example/o/1", null, null, null, true, true),
                                new MeasureTarget("https://gen.example/o/2", null, null, null, true, false),
                                new MeasureTarget("https://gen.example/o/3", null, null, null, false, false)),
                        null,
                        "first",
                        false,
                        SimilarUploads.REVIEW,
                        MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
    }

    private static CaseTarget declared(String url, UploaderDeclaration declaration) {
        return new CaseTarget(
                url, null, TargetType.GENERATED_OUTPUT, "p-" + url.hashCode(), null, null, null, declaration);
    }

    private static LabelEvidence.LabelCheck labelCheck(int target, String status) {
        return new LabelEvidence.LabelCheck(target, null, status, Map.of(), null, null, "first", NOW);
    }

    @Test
    void theCountriesAndLastDayTheModeratorChoseAreThoseOfEveryMeasure() {
        task("t-review", ReviewTask.Kind.REVIEW, FIRST);
        when(lifecycle.decide(CASE, "t-review", Verdict.ACCEPT, List.of("GEO_BLOCK"), "copy", "first"))
                .thenReturn(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first"));
        when(cases.targets(CASE)).thenReturn(List.of(new CaseTarget("https://gen.example/p/1", "acct-1")));

        review.decide(
                FIRST,
                "t-review",
                new DecisionRequest(
                        "ACCEPT",
                        List.of(MeasureChoice.of("GEO_BLOCK")),
                        "copy",
                        null,
                        null,
                        List.of("DE", "AT"),
                        "2099-12-31"));

        verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.GEO_BLOCK),
                        List.of(new MeasureTarget("https://gen.example/p/1", "acct-1", null)),
                        null,
                        "first",
                        false,
                        SimilarUploads.REVIEW,
                        new MeasureScope(List.of("DE", "AT"), java.time.LocalDate.parse("2099-12-31")));
    }

    @Test
    void eachMeasureIsPlannedWithItsOwnScopeOrTheDecisions() {
        task("t-review", ReviewTask.Kind.REVIEW, FIRST);
        when(lifecycle.decide(
                        CASE, "t-review", Verdict.ACCEPT, List.of("GEO_BLOCK", "DEMOTE", "DELETE"), "copy", "first"))
                .thenReturn(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first"));
        when(cases.targets(CASE)).thenReturn(List.of(new CaseTarget("https://gen.example/p/1", "acct-1")));

        review.decide(
                FIRST,
                "t-review",
                new DecisionRequest(
                        "ACCEPT",
                        List.of(
                                new MeasureChoice("GEO_BLOCK", List.of("DE"), "2099-06-30"),
                                MeasureChoice.of("DEMOTE"),
                                new MeasureChoice("DELETE", null, "2099-01-31")),
                        "copy",
                        null,
                        null,
                        List.of("AT"),
                        "2099-12-31"));

        List<MeasureTarget> targets = List.of(new MeasureTarget("https://gen.example/p/1", "acct-1", null));
        verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.GEO_BLOCK),
                        targets,
                        null,
                        "first",
                        false,
                        SimilarUploads.REVIEW,
                        new MeasureScope(List.of("DE"), java.time.LocalDate.parse("2099-06-30")));
        verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.DEMOTE),
                        targets,
                        null,
                        "first",
                        false,
                        SimilarUploads.REVIEW,
                        new MeasureScope(List.of("AT"), java.time.LocalDate.parse("2099-12-31")));
        verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.DELETE),
                        targets,
                        null,
                        "first",
                        false,
                        SimilarUploads.REVIEW,
                        new MeasureScope(List.of("AT"), java.time.LocalDate.parse("2099-01-31")));
    }

    @Test
    void acceptingAHighImpactMeasurePlansItAndAsksForASecondReviewer() {
        ReviewTask task = task("t-review", ReviewTask.Kind.REVIEW, FIRST);
        when(lifecycle.decide(CASE, "t-review", Verdict.ACCEPT, List.of("ACCOUNT_TERMINATE"), "repeat", "first"))
                .thenReturn(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first"));
        when(cases.targets(CASE)).thenReturn(List.of(new CaseTarget("https://gen.example/p/1", "acct-1")));

        Decision decided = review.decide(
                FIRST, "t-review", new DecisionRequest("ACCEPT", List.of("ACCOUNT_TERMINATE"), " repeat "));

        assertThat(decided.outcome()).isEqualTo(Verdict.ACCEPT);
        assertThat(decided.decisionId()).isEqualTo("d-1");
        InOrder order = inOrder(lifecycle, measures, tasks);
        order.verify(lifecycle)
                .decide(CASE, "t-review", Verdict.ACCEPT, List.of("ACCOUNT_TERMINATE"), "repeat", "first");
        order.verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.ACCOUNT_TERMINATE),
                        List.of(new MeasureTarget("https://gen.example/p/1", "acct-1", null)),
                        null,
                        "first",
                        false,
                        SimilarUploads.REVIEW,
                        MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
        order.verify(lifecycle).awaitSecondReview(CASE);
        order.verify(tasks)
                .complete(
                        "t-review",
                        "first",
                        FIRST.queues(),
                        Map.of("accepted", true, "secondReview", true, "decisionId", "d-1"));
        verify(lifecycle, never()).recordManifestlyUnfounded(anyString(), anyBoolean());
    }

    @Test
    void aReuploadBlockAnswersSimilarUploadsAsTheCasesProfileSays() {
        CaseTarget lora = new CaseTarget(
                "https://gen.example/m/7", "acct-1", TargetType.LORA, null, "a".repeat(64), "Ultraman Tiga LoRA", null);
        MeasureTarget blocked = new MeasureTarget(
                "https://gen.example/m/7", "acct-1", "a".repeat(64), "Ultraman Tiga LoRA", false, false);
        when(cases.targets(CASE)).thenReturn(List.of(lora));
        when(lifecycle.decide(CASE, "t-review", Verdict.ACCEPT, List.of("BLOCK_REUPLOAD"), "a copy", "first"))
                .thenReturn(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first"));
        task("t-review", ReviewTask.Kind.REVIEW, FIRST);

        when(cases.triageFacts(CASE)).thenReturn(new TriageFacts("EU_DSA", null, TargetType.LORA, false));
        review.decide(FIRST, "t-review", new DecisionRequest("ACCEPT", List.of("BLOCK_REUPLOAD"), "a copy"));
        when(cases.triageFacts(CASE)).thenReturn(new TriageFacts("CN_CC_1195", null, TargetType.LORA, false));
        review.decide(FIRST, "t-review", new DecisionRequest("ACCEPT", List.of("BLOCK_REUPLOAD"), "a copy"));

        InOrder order = inOrder(measures);
        order.verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.BLOCK_REUPLOAD),
                        List.of(blocked),
                        null,
                        "first",
                        false,
                        SimilarUploads.REVIEW,
                        MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
        order.verify(measures)
                .plan(
                        CASE,
                        "d-1",
                        List.of(MeasureType.BLOCK_REUPLOAD),
                        List.of(blocked),
                        null,
                        "first",
                        false,
                        SimilarUploads.BLOCK,
                        MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
    }

    @Test
    void aManifestlyUnfoundedRejectionCountsAgainstItsNotifierAndPlansNothing() {
        task("t-review", ReviewTask.Kind.REVIEW, FIRST);
        when(lifecycle.decide(CASE, "t-review", Verdict.REJECT, List.of(), "made up", "first"))
                .thenReturn(decision("d-1", DecisionKind.REVIEW, Verdict.REJECT, "first"));

        review.decide(FIRST, "t-review", new DecisionRequest("REJECT", List.of(), "made up", true, true));

        verify(lifecycle).recordManifestlyUnfounded(CASE, true);
        verify(lifecycle, never()).awaitSecondReview(anyString());
        verifyNoInteractions(measures);
        verify(tasks)
                .complete(
                        "t-review",
                        "first",
                        FIRST.queues(),
                        Map.of("accepted", false, "secondReview", false, "decisionId", "d-1"));
    }

    @Test
    void anInvalidReviewDecisionRecordsNothing() {
        task("t-review", ReviewTask.Kind.REVIEW, FIRST);

        assertThatThrownBy(() -> review.decide(FIRST, "t-review", new DecisionRequest("REJECT", List.of(), " ")))
                .isInstanceOf(InvalidDecisionException.class);
        verifyNoInteractions(lifecycle, measures);
    }

    /** Four-eyes: whoever reviewed the notice can neither claim nor decide its confirmation. */
    @Test
    void theFirstReviewerMayNotConfirmTheirOwnDecision() {
        task("t-confirm", ReviewTask.Kind.CONFIRMATION, FIRST);
        when(cases.decisions(CASE)).thenReturn(List.of(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first")));

        assertThatThrownBy(() -> review.claim(FIRST, "t-confirm"))
                .isInstanceOf(TaskClaimConflictException.class)
                .hasMessageContaining("confirmation");
        assertThatThrownBy(() -> review.decide(FIRST, "t-confirm", new DecisionRequest("CONFIRM", List.of(), null)))
                .isInstanceOf(TaskClaimConflictException.class);
        verify(tasks, never()).claim(anyString(), anyString(), any());
        verify(tasks, never()).complete(anyString(), anyString(), any(), anyMap());
        verifyNoInteractions(lifecycle);
    }

    @Test
    void anotherReviewerOverturnsOnlyWithAReasonAndNothingPlannedTakesEffect() {
        task("t-confirm", ReviewTask.Kind.CONFIRMATION, SECOND);
        when(cases.decisions(CASE)).thenReturn(List.of(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first")));

        assertThatThrownBy(() -> review.decide(SECOND, "t-confirm", new DecisionRequest("OVERTURN", List.of(), "")))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("reason"));
        verifyNoInteractions(measures);

        when(lifecycle.overturnOnSecondReview(CASE, "t-confirm", "second", "disproportionate"))
                .thenReturn(decision("d-2", DecisionKind.CONFIRMATION, Verdict.OVERTURN, "second"));
        review.decide(SECOND, "t-confirm", new DecisionRequest("OVERTURN", List.of(), "disproportionate"));

        InOrder order = inOrder(measures, lifecycle, tasks);
        order.verify(measures).cancelPlanned(CASE);
        order.verify(lifecycle).overturnOnSecondReview(CASE, "t-confirm", "second", "disproportionate");
        order.verify(tasks).complete("t-confirm", "second", SECOND.queues(), Map.of("confirmed", false));
    }

    @Test
    void aConfirmationByAnotherReviewerLetsThePlannedMeasuresGoAhead() {
        task("t-confirm", ReviewTask.Kind.CONFIRMATION, SECOND);
        when(cases.decisions(CASE)).thenReturn(List.of(decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first")));
        when(lifecycle.confirmOnSecondReview(CASE, "t-confirm", "second", null))
                .thenReturn(decision("d-2", DecisionKind.CONFIRMATION, Verdict.CONFIRM, "second"));

        assertThat(review.decide(SECOND, "t-confirm", new DecisionRequest("CONFIRM", List.of(), null))
                        .outcome())
                .isEqualTo(Verdict.CONFIRM);
        verify(measures, never()).cancelPlanned(anyString());
        verify(tasks).complete("t-confirm", "second", SECOND.queues(), Map.of("confirmed", true));
    }

    /** DSA Art. 20: the complaint goes to someone who took no part in the decision, neither review nor confirmation. */
    @Test
    void anAppealIsDecidedByNeitherTheReviewerNorTheConfirmer() {
        when(cases.decisions(CASE))
                .thenReturn(List.of(
                        decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first"),
                        decision("d-2", DecisionKind.CONFIRMATION, Verdict.CONFIRM, "second")));
        task("t-appeal", ReviewTask.Kind.APPEAL, SECOND);
        assertThatThrownBy(() -> review.claim(SECOND, "t-appeal")).isInstanceOf(TaskClaimConflictException.class);
        task("t-appeal", ReviewTask.Kind.APPEAL, FIRST);
        assertThatThrownBy(() -> review.claim(FIRST, "t-appeal")).isInstanceOf(TaskClaimConflictException.class);
        verifyNoInteractions(lifecycle);

        task("t-appeal", ReviewTask.Kind.APPEAL, THIRD);
        when(measures.forCase(CASE)).thenReturn(List.of(applied()));
        complaint("t-appeal", ComplaintSubject.MEASURE, "d-1");
        when(lifecycle.decideAppeal(
                        CASE,
                        "t-appeal",
                        "c-t-appeal",
                        "MEASURE",
                        Verdict.REVERSE,
                        List.of(),
                        List.of(),
                        "not infringing",
                        "third"))
                .thenReturn(decision("d-3", DecisionKind.APPEAL, Verdict.REVERSE, "third"));

        review.decide(THIRD, "t-appeal", new DecisionRequest("REVERSE", List.of("DELETE"), "not infringing"));

        verify(measures, never())
                .plan(anyString(), anyString(), any(), any(), any(), anyString(), anyBoolean(), any(), any());
        verify(tasks).complete("t-appeal", "third", THIRD.queues(), Map.of("reversed", true, "decisionId", "d-3"));
    }

    /** A complaint may be against a decision on an earlier complaint: whoever decided that one does not review it. */
    @Test
    void aComplaintAgainstAnAppealDecisionIsNotReviewedByItsDecider() {
        when(cases.decisions(CASE))
                .thenReturn(List.of(
                        decision("d-1", DecisionKind.REVIEW, Verdict.ACCEPT, "first"),
                        decision("d-2", DecisionKind.APPEAL, Verdict.REVERSE, "third")));
        task("t-appeal-2", ReviewTask.Kind.APPEAL, THIRD);

        assertThatThrownBy(() -> review.claim(THIRD, "t-appeal-2")).isInstanceOf(TaskClaimConflictException.class);
        verifyNoInteractions(lifecycle);
    }

    @Test
    void reversingARefusalPlansTheMeasuresTheComplaintReviewOrders() {
        task("t-appeal", ReviewTask.Kind.APPEAL, SECOND);
        when(cases.decisions(CASE)).thenReturn(List.of(decision("d-1", DecisionKind.REVIEW, Verdict.REJECT, "first")));
        when(cases.targets(CASE)).thenReturn(List.of(new CaseTarget("https://gen.example/p/1", null)));
        complaint("t-appeal", ComplaintSubject.NO_ACTION, "d-1");
        when(lifecycle.decideAppeal(
                        CASE,
                        "t-appeal",
                        "c-t-appeal",
                        "NO_ACTION",
                        Verdict.REVERSE,
                        List.of("DELETE"),
                        List.of(RestrictionScopes.Scope.WORLDWIDE_UNTIL_FURTHER_NOTICE),
                        "it is a copy",
                        "second"))
                .thenReturn(decision("d-3", DecisionKind.APPEAL, Verdict.REVERSE, "second"));

        assertThatThrownBy(() -> review.decide(SECOND, "t-appeal", new DecisionRequest("REVERSE", List.of(), null)))
                .as("the complainant is owed reasons")
                .isInstanceOf(InvalidDecisionException.class);
        review.decide(SECOND, "t-appeal", new DecisionRequest("REVERSE", List.of("DELETE"), "it is a copy"));

        verify(measures)
                .plan(
                        CASE,
                        "d-3",
                        List.of(MeasureType.DELETE),
                        List.of(new MeasureTarget("https://gen.example/p/1", null, null)),
                        null,
                        "second",
                        false,
                        SimilarUploads.REVIEW,
                        MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
    }

    /**
     * Reversing a complaint against a suspension, or an uploader's against its termination, ends it through the
     * complaint's process and tells the party; the case's decisions are not its subject, so no case decision is taken
     * and no measure moves.
     */
    @ParameterizedTest
    @EnumSource(
            value = StandingChangeKind.class,
            names = {"SUSPENDED", "TERMINATED"})
    void reversingAComplaintAgainstASuspensionLeavesTheCaseDecisionAlone(StandingChangeKind restriction) {
        task("t-appeal", ReviewTask.Kind.APPEAL, SECOND);
        when(cases.decisions(CASE)).thenReturn(List.of(decision("d-1", DecisionKind.REVIEW, Verdict.REJECT, "first")));
        Complaint filed = complaint("t-appeal", ComplaintSubject.SUSPENSION, "s-1");
        Party party = restriction == StandingChangeKind.SUSPENDED ? Party.notifier("org-a") : Party.uploader("acct-a");
        when(misuse.change("s-1"))
                .thenReturn(Optional.of(new StandingChange(
                        "s-1",
                        party,
                        restriction,
                        NOW,
                        restriction == StandingChangeKind.SUSPENDED ? NOW.plusSeconds(86_400) : null,
                        CASE,
                        "system",
                        null,
                        null)));
        Instant decidedAt = NOW.plusSeconds(60);
        when(appeals.decided("c-t-appeal", true, "under review", "second"))
                .thenReturn(new Complaint(
                        filed.complaintId(),
                        CASE,
                        Complainant.NOTIFIER,
                        ComplaintSubject.SUSPENSION,
                        "s-1",
                        "holder",
                        Optional.of(new Complaint.Outcome(true, "second", decidedAt, "under review"))));

        Decision decided =
                review.decide(SECOND, "t-appeal", new DecisionRequest("REVERSE", List.of("DELETE"), "under review"));

        assertThat(decided.decisionId()).isEqualTo("c-t-appeal");
        assertThat(decided.outcome()).isEqualTo(Verdict.REVERSE);
        assertThat(decided.measures()).isEmpty();
        assertThat(decided.decidedAt()).isEqualTo(decidedAt);
        verify(lifecycle)
                .decideSuspensionComplaint(
                        CASE, "c-t-appeal", party, restriction, Verdict.REVERSE, "under review", "second");
        verify(lifecycle, never())
                .decideAppeal(
                        anyString(),
                        anyString(),
                        anyString(),
                        anyString(),
                        any(),
                        any(),
                        any(),
                        anyString(),
                        anyString());
        verifyNoInteractions(measures);
        verify(tasks)
                .complete("t-appeal", "second", SECOND.queues(), Map.of("reversed", true, "decisionId", "c-t-appeal"));
    }

    /**
     * An overdue statutory restore cannot be marked handled while the content is still down: compliance resolves it
     * once no measure of the case is applied, with reasons on the case's history.
     */
    @Test
    void anOverdueRestoreIsResolvedOnlyOnceTheContentIsBack() {
        Moderator compliance = new Moderator("officer", List.of("COMPLIANCE_OFFICER"));
        task("t-restore", ReviewTask.Kind.RESTORE_OVERDUE, compliance);
        when(measures.forCase(CASE)).thenReturn(List.of(applied()));

        assertThatThrownBy(() -> review.resolveOverdueRestore(compliance, "t-restore", " "))
                .isInstanceOfSatisfying(
                        InvalidDecisionException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("reason"));
        assertThatThrownBy(() -> review.resolveOverdueRestore(compliance, "t-restore", "job failed, retried"))
                .isInstanceOf(CaseStateException.class)
                .hasMessageContaining("1 measure(s) still applied");
        verify(tasks, never()).complete(anyString(), anyString(), any(), anyMap());

        when(measures.forCase(CASE))
                .thenReturn(List.of(new MeasureView(
                        "m-1",
                        CASE,
                        MeasureType.DELETE,
                        "https://gen.example/p/1",
                        null,
                        MeasureStatus.LIFTED,
                        NOW,
                        NOW.plusSeconds(60),
                        null,
                        null,
                        null,
                        null,
                        null)));
        when(tasks.complete("t-restore", "officer", compliance.queues(), Map.of()))
                .thenReturn(CASE);

        assertThat(review.resolveOverdueRestore(compliance, "t-restore", " job failed, retried "))
                .isEqualTo(CASE);
        verify(lifecycle).note(CASE, "officer", "overdue restore resolved: job failed, retried");
        assertThatThrownBy(() -> review.decide(compliance, "t-restore", new DecisionRequest("ACCEPT", List.of(), "x")))
                .isInstanceOf(CaseStateException.class);
    }

    /** The platform acts outside Takedown: what was done there goes on the case's history, in the officer's words. */
    @Test
    void anUnconfirmedEnforcementIsResolvedWithWhatThePlatformDid() {
        Moderator senior = new Moderator("senior", List.of("MODERATOR", "SENIOR_MODERATOR"));
        task("t-enforce", ReviewTask.Kind.ENFORCEMENT_OVERDUE, senior);
        when(tasks.complete("t-enforce", "senior", senior.queues(), Map.of())).thenReturn(CASE);

        assertThatThrownBy(() -> review.resolveOverdueRestore(senior, "t-enforce", ""))
                .isInstanceOf(InvalidDecisionException.class);
        assertThat(review.resolveOverdueRestore(senior, "t-enforce", " removed by platform ops at 10:02 "))
                .isEqualTo(CASE);

        verify(lifecycle).note(CASE, "senior", "unconfirmed enforcement resolved: removed by platform ops at 10:02");
        assertThatThrownBy(() -> review.decide(senior, "t-enforce", new DecisionRequest("ACCEPT", List.of(), "x")))
                .isInstanceOf(CaseStateException.class);
    }

    private Complaint complaint(String taskId, ComplaintSubject subject, String decisionId) {
        Complaint complaint = new Complaint(
                "c-" + taskId, CASE, Complainant.NOTIFIER, subject, decisionId, "holder", Optional.empty());
        when(tasks.complaintOf(taskId)).thenReturn(complaint.complaintId());
        when(appeals.complaint(complaint.complaintId())).thenReturn(complaint);
        return complaint;
    }

    private void claimed(String taskId, ReviewTask.Kind kind, Moderator moderator) {
        when(tasks.get(taskId, moderator.id(), moderator.queues()))
                .thenReturn(new ReviewTask(
                        taskId, CASE, kind.name(), kind, "COMPLIANCE_OFFICER", 100, null, NOW, moderator.id()));
    }

    private ReviewTask task(String taskId, ReviewTask.Kind kind, Moderator moderator) {
        ReviewTask task = new ReviewTask(taskId, CASE, kind.name(), kind, "SENIOR_MODERATOR", 50, null, NOW, null);
        when(tasks.get(taskId, moderator.id(), moderator.queues())).thenReturn(task);
        return task;
    }

    private static CaseDecision decision(String id, DecisionKind kind, Verdict verdict, String by) {
        return new CaseDecision(id, CASE, "task-of-" + id, kind, verdict, List.of(), null, by, NOW);
    }

    private static MeasureView applied() {
        return new MeasureView(
                "m-1",
                CASE,
                MeasureType.DELETE,
                "https://gen.example/p/1",
                null,
                MeasureStatus.APPLIED,
                NOW,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
