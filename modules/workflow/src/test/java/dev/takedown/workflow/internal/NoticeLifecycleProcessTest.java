package dev.takedown.workflow.internal;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.takedown.events.LiftCause;
import dev.takedown.events.NoticeCured;
import dev.takedown.events.TaskEscalated;
import dev.takedown.events.TaskReminderDue;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.measures.Enforcements;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.ProfilePolicies;
import dev.takedown.notices.TargetType;
import dev.takedown.notices.TriageFacts;
import dev.takedown.remediation.Remediations;
import dev.takedown.workflow.calendar.StatutoryCalendars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.quality.Strictness;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notice lifecycle on an in-memory engine with the real delegates, the real deadline beans, the real triage
 * decision table and the real called processes; only the module services are mocked. One test per path through the
 * model. Camunda's clock is moved instead of waiting, and the deadline beans read the same clock, so every due date
 * is asserted exactly. The called processes have their own classes (and coverage gates), so they are left out of
 * this class's coverage.
 */
@ExtendWith(MockitoExtension.class)
@Deployment(
        resources = {
            "bpmn/notice-lifecycle.bpmn",
            "bpmn/counter-notice.bpmn",
            "bpmn/appeal.bpmn",
            "bpmn/model-remediation.bpmn",
            "bpmn/triage.dmn"
        })
class NoticeLifecycleProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
            .excludeProcessDefinitionKeys("counter-notice", "appeal", "model-remediation")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String PROCESS = "notice-lifecycle";

    /** Fri 2025-09-19 09:00 in Beijing: the notice arrives. */
    private static final Instant RECEIVED_AT = Instant.parse("2025-09-19T01:00:00Z");
    /** The platform confirms the last measure of the case in effect. */
    private static final Instant REMOVED_AT = RECEIVED_AT.plus(Duration.ofMinutes(150));
    /** The parties are told the decision three hours later. */
    private static final Instant NOTIFIED_AT = RECEIVED_AT.plus(Duration.ofHours(3));
    /**
     * Notified 19 Sep 2025 04:00 UTC, six calendar months to the end of the corresponding day in the zone where that
     * day ends last: in UTC−4 it is still 19 Sep at 00:00 local, so the window ends at 24:00 of 19 Mar 2026 there.
     */
    private static final Instant WINDOW_ENDS = Instant.parse("2026-03-20T04:00:00Z");
    /** Sat 2025-09-20 10:00 in Beijing: a counter-notice is forwarded to the rights holder. */
    private static final Instant COUNTER_NOTICE_DELIVERED_AT = Instant.parse("2025-09-20T02:00:00Z");
    /** 15 days from Sep 21 end on Sun Oct 5, inside the National Day holiday; the last day rolls to Thu Oct 9. */
    private static final Instant CN_RESTORE_AT =
            OffsetDateTime.parse("2025-10-10T00:00+08:00").toInstant();

    private static final ProfilePolicies.Policy CN_POLICY =
            new ProfilePolicies.Policy(true, Duration.ofDays(14), 15, null, false, Period.ofMonths(6));
    private static final ReviewSla SLA = new ReviewSla(0.8, Duration.ofHours(2), 1);

    private static StatutoryCalendars calendars;

    @Mock
    NoticeCases noticeCases;

    @Mock
    CaseLifecycle lifecycle;

    @Mock
    Measures measures;

    @Mock
    ApplicationEventPublisher publisher;

    /** The platform has confirmed nothing unless a test says so. */
    @Mock
    Enforcements enforcements;

    private final String caseId = UUID.randomUUID().toString();
    private final List<FieldProblem> missingSignature = List.of(new FieldProblem("signature.value", "is required"));
    /** What validation finds; a cure empties it. */
    private final AtomicReference<List<FieldProblem>> problems = new AtomicReference<>(List.of());

    @BeforeAll
    static void readTheConfiguredCalendars() {
        calendars = calendarsFromConfig();
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(RECEIVED_AT));
        registerBeans(noticeCases, lifecycle, measures, publisher, calendars, enforcements);
        lenient().when(enforcements.removedAt(caseId)).thenReturn(Optional.of(REMOVED_AT));
        lenient().when(noticeCases.problems(caseId)).thenAnswer(invocation -> problems.get());
        lenient()
                .when(noticeCases.triageFacts(caseId))
                .thenReturn(new TriageFacts("CN_CC_1195", "RIGHTS_HOLDER", TargetType.URL, false));
        lenient()
                .when(noticeCases.timers(caseId))
                .thenReturn(new CaseTimers(
                        JurisdictionProfile.CN_CC_1195,
                        CN_POLICY,
                        1,
                        RECEIVED_AT,
                        NOTIFIED_AT,
                        COUNTER_NOTICE_DELIVERED_AT,
                        COUNTER_NOTICE_DELIVERED_AT,
                        RECEIVED_AT));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- validation and cure ---------------------------------------------------------------------------------------

    @Test
    void noticeThatCannotBeCuredIsClosedIncomplete() {
        problems.set(missingSignature);
        when(noticeCases.curable(caseId)).thenReturn(false);

        ProcessInstance processInstance = start();
        assertThat(processInstance).isWaitingAt("Task_ValidateNotice");
        execute(jobAt("Task_ValidateNotice"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ValidateNotice",
                        "Gateway_NoticeComplete",
                        "Gateway_CloseIncomplete",
                        "Task_CloseIncomplete",
                        "EndEvent_NoticeIncomplete")
                .hasNotPassed("Task_RequestCure", "Task_TriageNotice", "Task_ReviewNotice")
                .isEnded();
        verify(lifecycle).closeIncomplete(caseId, missingSignature);
        verify(lifecycle, never()).queueForReview(anyString());
        verify(lifecycle, never()).requestCure(anyString(), anyList());
        verifyNoInteractions(measures, publisher);
    }

    @Test
    void curedNoticeIsValidatedAgainAndGoesToReview() {
        problems.set(missingSignature);
        when(noticeCases.curable(caseId)).thenReturn(true);

        ProcessInstance processInstance = startAndValidate();
        assertThat(processInstance).hasPassed("Task_RequestCure").isWaitingAt("Gateway_AwaitCure");
        verify(lifecycle).requestCure(caseId, missingSignature);
        Assertions.assertThat(timer("Event_CurePeriodOver").getDuedate())
                .isEqualTo(Date.from(RECEIVED_AT.plus(Duration.ofDays(14))));

        ClockUtil.setCurrentTime(Date.from(RECEIVED_AT.plus(Duration.ofDays(3))));
        problems.set(List.of());
        correlate("NoticeCured");

        assertThat(processInstance).hasPassed("Event_NoticeCured").isWaitingAt("Task_ValidateNotice");
        Assertions.assertThat(timers("Event_CurePeriodOver")).isEmpty();
        execute(jobAt("Task_ValidateNotice"));

        assertThat(processInstance)
                .hasPassed("Task_TriageNotice")
                .hasNotPassed("Task_CloseIncomplete")
                .isWaitingAt("Task_ReviewNotice")
                .variables()
                .containsEntry("complete", true)
                .containsEntry("curable", false);
        verify(lifecycle).queueForReview(caseId);
        verify(lifecycle, never()).closeIncomplete(anyString(), anyList());
    }

    @Test
    void noticeNotCuredWithinTheCurePeriodIsClosedIncomplete() {
        problems.set(missingSignature);
        when(noticeCases.curable(caseId)).thenReturn(true);

        ProcessInstance processInstance = startAndValidate();
        Job curePeriod = timer("Event_CurePeriodOver");
        Assertions.assertThat(curePeriod.getDuedate()).isEqualTo(Date.from(RECEIVED_AT.plus(Duration.ofDays(14))));

        fire(curePeriod);

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_RequestCure",
                        "Gateway_AwaitCure",
                        "Event_CurePeriodOver",
                        "Gateway_CloseIncomplete",
                        "Task_CloseIncomplete",
                        "EndEvent_NoticeIncomplete")
                .hasNotPassed("Event_NoticeCured", "Task_ReviewNotice")
                .isEnded();
        InOrder order = inOrder(lifecycle);
        order.verify(lifecycle).requestCure(caseId, missingSignature);
        order.verify(lifecycle).closeIncomplete(caseId, missingSignature);
        verify(lifecycle, never()).queueForReview(anyString());
    }

    @Test
    void aRedeliveredCureIsCorrelatedOnceAndNeverAnswersTheNextWaitForACure() throws Exception {
        problems.set(missingSignature);
        when(noticeCases.curable(caseId)).thenReturn(true);
        CaseMessages messages = new CaseMessages(runtimeService(), correlatedEvents());
        NoticeCured cure = new NoticeCured(UUID.randomUUID(), RECEIVED_AT, caseId, "notifier");

        ProcessInstance processInstance = startAndValidate();
        assertThat(processInstance).isWaitingAt("Gateway_AwaitCure");
        messages.on(cure);
        assertThat(processInstance).hasPassed("Event_NoticeCured").isWaitingAt("Task_ValidateNotice");

        // delivered again while nothing waits for a cure: acknowledged, no mismatching correlation
        messages.on(cure);
        execute(jobAt("Task_ValidateNotice"));
        assertThat(processInstance).isWaitingAt("Gateway_AwaitCure");
        verify(lifecycle, times(2)).requestCure(caseId, missingSignature);

        // delivered again while the notifier is asked for a second cure: it is not that cure
        messages.on(cure);
        assertThat(processInstance).isWaitingAt("Gateway_AwaitCure");

        problems.set(List.of());
        messages.on(new NoticeCured(UUID.randomUUID(), RECEIVED_AT, caseId, "notifier"));
        assertThat(processInstance).isWaitingAt("Task_ValidateNotice");
        execute(jobAt("Task_ValidateNotice"));
        assertThat(processInstance).isWaitingAt("Task_ReviewNotice");
    }

    // --- triage -------------------------------------------------------------------------------------------------

    /** Every row of triage.dmn, plus two where the FIRST hit policy decides between matching rows. */
    /**
     * Every row of triage.dmn, plus rows where the FIRST hit policy decides between matching rows, and AI-assisted
     * works (Spring Breeze) that route normally outside the US profile.
     */
    @ParameterizedTest(name = "{0} / {1} / {2} / well known {3} / AI-assisted {4} -> {5}, {6}, {7} h, {8}")
    @CsvSource({
        "CN_CC_1195, AUTHORITY_ORDER, LORA, true, true, 95, SENIOR_MODERATOR, 1, ",
        "US_DMCA, RIGHTS_HOLDER, URL, false, true, 70, SENIOR_MODERATOR, 24, human authorship must be assessed",
        "US_DMCA, TRUSTED_FLAGGER, LORA, false, false, 90, MODERATOR, 2, ",
        "CN_CC_1195, TRUSTED_FLAGGER, URL, false, true, 90, MODERATOR, 2, ",
        "CN_CC_1195, RIGHTS_HOLDER, GENERATED_OUTPUT, false, false, 85, MODERATOR, 2, ",
        "CN_ECOM, RIGHTS_HOLDER, PROMPT_PATTERN, false, false, 85, MODERATOR, 2, ",
        "EU_DSA, RIGHTS_HOLDER, URL, true, false, 80, MODERATOR, 2, ",
        "CN_CC_1195, RIGHTS_HOLDER, LORA, false, false, 60, SENIOR_MODERATOR, 24, ",
        "CN_ECOM, RIGHTS_HOLDER, MODEL, false, false, 60, SENIOR_MODERATOR, 24, ",
        "US_DMCA, RIGHTS_HOLDER, DATASET_ITEM, false, false, 60, SENIOR_MODERATOR, 24, ",
        "CN_ECOM, RIGHTS_HOLDER, LISTING, false, false, 60, MODERATOR, 24, ",
        "CN_CC_1195, RIGHTS_HOLDER, URL, false, true, 50, MODERATOR, 24, ",
        "CN_CC_1195, RIGHTS_HOLDER, URL, false, false, 50, MODERATOR, 24, ",
    })
    void triageSetsPriorityQueueAndDeadlinesOfTheReview(
            String profile,
            String notifierType,
            TargetType targetType,
            boolean wellKnown,
            boolean aiAssisted,
            int priority,
            String queue,
            int slaHours,
            String note) {
        when(noticeCases.triageFacts(caseId))
                .thenReturn(new TriageFacts(profile, notifierType, targetType, wellKnown, aiAssisted));

        ProcessInstance processInstance = startAndValidate();

        Task review = reviewTask();
        assertThat(review)
                .hasDefinitionKey("Task_ReviewNotice")
                .hasCandidateGroup(queue)
                .isNotAssigned();
        Assertions.assertThat(taskService().getIdentityLinksForTask(review.getId()))
                .hasSize(1);
        Assertions.assertThat(review.getPriority()).isEqualTo(priority);
        Duration sla = Duration.ofHours(slaHours);
        Assertions.assertThat(review.getDueDate()).isEqualTo(Date.from(RECEIVED_AT.plus(sla)));
        Assertions.assertThat(timer("Event_ReviewReminder").getDuedate())
                .isEqualTo(Date.from(RECEIVED_AT.plus(sla.multipliedBy(4).dividedBy(5))));
        Assertions.assertThat(timer("Event_ReviewOverdue").getDuedate()).isEqualTo(Date.from(RECEIVED_AT.plus(sla)));
        Map<String, Object> triage = new HashMap<>(Map.of("priority", priority, "queue", queue, "slaHours", slaHours));
        if (note != null) {
            triage.put("note", note); // a rule without a note leaves it out of the result
        }
        assertThat(processInstance)
                .variables()
                .containsEntry("triage", triage)
                // the facts are transient: they feed the decision and are never stored
                .doesNotContainKeys("profile", "notifierType", "targetType", "wellKnownWork", "aiAssistedWork");
        if (note == null) {
            verify(lifecycle, never()).note(eq(caseId), any(), any());
        } else {
            verify(lifecycle).note(caseId, "triage", note);
        }
    }

    // --- review, four-eyes, measures, notification ----------------------------------------------------------------

    @Test
    void acceptedNoticeUnderTheDsaHasMeasuresAppliedThenTheComplaintWindowClosesTheCase() {
        governedBy(JurisdictionProfile.EU_DSA, CaseOutcome.ACTION_TAKEN);
        when(measures.applyPlanned(caseId)).thenReturn(2);
        ProcessInstance processInstance = startAndValidate();

        complete(reviewTask(), decision(true, false));
        assertThat(processInstance)
                .hasPassed("Gateway_NoticeAccepted", "Gateway_SecondReviewNeeded")
                .isWaitingAt("Task_ApplyMeasures");
        execute(jobAt("Task_ApplyMeasures"));
        confirmRemoval(processInstance);
        notifyParties(processInstance);

        Job window = timer("Event_RedressWindowClosed");
        Assertions.assertThat(window.getDuedate()).isEqualTo(Date.from(WINDOW_ENDS));
        fire(window);

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ReviewNotice",
                        "Gateway_NoticeAccepted",
                        "Gateway_SecondReviewNeeded",
                        "Gateway_ApplyMeasures",
                        "Task_ApplyMeasures",
                        "Gateway_DecisionMerge",
                        "Task_NotifyDecision",
                        "Gateway_CounterNoticeRoute",
                        "Gateway_RedressWindow",
                        "Event_RedressWindowClosed",
                        "Gateway_CloseMerge",
                        "Task_CloseCase",
                        "EndEvent_CaseClosed")
                .hasNotPassed(
                        "Task_ConfirmDecision",
                        "Task_SendReviewReminder",
                        "Task_RecordEscalation",
                        "Gateway_AwaitCounterNotice",
                        "Event_CounterNoticeFiled",
                        "Event_NoticeRetracted")
                .isEnded();
        Assertions.assertThat(managementService()
                        .createJobQuery()
                        .processInstanceId(processInstance.getId())
                        .count())
                .isZero();
        InOrder steps = inOrder(lifecycle, measures);
        steps.verify(lifecycle).queueForReview(caseId);
        steps.verify(measures).applyPlanned(caseId);
        steps.verify(lifecycle).recordMeasuresApplied(caseId, 2);
        steps.verify(lifecycle).notifyDecision(caseId);
        steps.verify(lifecycle).close(caseId);
        verify(measures, never()).liftAll(anyString(), anyString(), any(), anyString());
        verifyNoInteractions(publisher);
    }

    /**
     * Content is removed when the platform says so: however long it stays silent (its measures' enforcement processes
     * raise the overdue task meanwhile), nobody is told it was removed; the confirmation that comes at last lets the
     * case record the platform's time and tell the parties, and the complaint window runs from that notification.
     */
    @Test
    void partiesAreToldOfTheRemovalOnlyOnceThePlatformConfirmsItHoweverLateThatIs() {
        governedBy(JurisdictionProfile.EU_DSA, CaseOutcome.ACTION_TAKEN);
        when(measures.applyPlanned(caseId)).thenReturn(2);
        ProcessInstance processInstance = startAndValidate();
        complete(reviewTask(), decision(true, false));
        execute(jobAt("Task_ApplyMeasures"));

        assertThat(processInstance)
                .hasPassedInOrder("Task_ApplyMeasures", "Gateway_MeasuresConfirmed")
                .isWaitingAt("Event_MeasuresEnforced");
        Assertions.assertThat(managementService()
                        .createJobQuery()
                        .processInstanceId(processInstance.getId())
                        .count())
                .as("no timer of the lifecycle gives up on the platform")
                .isZero();
        ClockUtil.setCurrentTime(Date.from(RECEIVED_AT.plus(Duration.ofDays(3))));
        assertThat(processInstance).isWaitingAt("Event_MeasuresEnforced");
        verify(lifecycle, never()).recordMeasuresEnforced(anyString(), any());
        verify(lifecycle, never()).notifyDecision(anyString());

        correlate(CaseMessages.CASE_MEASURES_ENFORCED);
        execute(jobAt("Task_RecordRemoval"));
        assertThat(processInstance).isWaitingAt("Task_NotifyDecision");
        Instant notifiedAt = RECEIVED_AT.plus(Duration.ofDays(3)).plusSeconds(5);
        ClockUtil.setCurrentTime(Date.from(notifiedAt));
        execute(jobAt("Task_NotifyDecision"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ApplyMeasures",
                        "Gateway_MeasuresConfirmed",
                        "Event_MeasuresEnforced",
                        "Gateway_RemovalConfirmed",
                        "Task_RecordRemoval",
                        "Gateway_DecisionMerge",
                        "Task_NotifyDecision")
                .isWaitingAt("Gateway_RedressWindow");
        InOrder steps = inOrder(lifecycle);
        steps.verify(lifecycle).recordMeasuresApplied(caseId, 2);
        steps.verify(lifecycle).recordMeasuresEnforced(caseId, REMOVED_AT);
        steps.verify(lifecycle).notifyDecision(caseId);
    }

    @Test
    void rejectedNoticeIsNotifiedWithoutMeasuresAndClosedWhenTheComplaintWindowEnds() {
        // nothing was taken down, so even under a counter-notice profile there is nothing to counter
        governedBy(JurisdictionProfile.CN_CC_1195, CaseOutcome.NO_ACTION);
        ProcessInstance processInstance = startAndValidate();

        complete(reviewTask(), decision(false, false));
        assertThat(processInstance).isWaitingAt("Task_NotifyDecision");
        notifyParties(processInstance);
        fire(timer("Event_RedressWindowClosed"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ReviewNotice",
                        "Gateway_NoticeAccepted",
                        "Gateway_DecisionMerge",
                        "Task_NotifyDecision",
                        "Event_RedressWindowClosed",
                        "Task_CloseCase",
                        "EndEvent_CaseClosed")
                .hasNotPassed("Gateway_SecondReviewNeeded", "Task_ApplyMeasures")
                .isEnded();
        verify(lifecycle).notifyDecision(caseId);
        verify(lifecycle).close(caseId);
        verify(lifecycle, never()).recordMeasuresApplied(anyString(), anyInt());
        verifyNoInteractions(measures, publisher);
    }

    @Test
    void reminderFiresWhileTheReviewStaysOpenThenTheModeratorDecides() {
        when(noticeCases.triageFacts(caseId))
                .thenReturn(new TriageFacts("CN_CC_1195", "TRUSTED_FLAGGER", TargetType.URL, false));
        ProcessInstance processInstance = startAndValidate();
        Task review = reviewTask();
        Assertions.assertThat(review.getPriority()).isEqualTo(90);

        Job reminder = timer("Event_ReviewReminder");
        Assertions.assertThat(reminder.getDuedate()).isEqualTo(Date.from(RECEIVED_AT.plus(Duration.ofMinutes(96))));
        fire(reminder);

        assertThat(processInstance)
                .hasPassed("Event_ReviewReminder", "Task_SendReviewReminder", "EndEvent_ReminderSent")
                .hasNotPassed("Task_RecordEscalation")
                .isWaitingAt("Task_ReviewNotice");
        assertThat(reviewTask()).hasId(review.getId()).hasCandidateGroup("MODERATOR");
        Assertions.assertThat(timer("Event_ReviewOverdue").getDuedate())
                .isEqualTo(Date.from(RECEIVED_AT.plus(Duration.ofHours(2))));
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskReminderDue.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.actor()).isEqualTo("system");
        });

        complete(review, decision(false, false));

        assertThat(processInstance).isWaitingAt("Task_NotifyDecision");
        Assertions.assertThat(timers("Event_ReviewOverdue")).isEmpty();
        verify(lifecycle, never()).escalateOverdueReview(anyString(), anyString());
    }

    @Test
    void overdueReviewIsEscalatedToSeniorModeratorsWhoDecide() {
        when(measures.applyPlanned(caseId)).thenReturn(1);
        ProcessInstance processInstance = startAndValidate();

        Job overdue = timer("Event_ReviewOverdue");
        Instant escalatedAt = RECEIVED_AT.plus(Duration.ofHours(24));
        Assertions.assertThat(overdue.getDuedate()).isEqualTo(Date.from(escalatedAt));
        fire(overdue);

        assertThat(processInstance)
                .hasPassed("Event_ReviewOverdue", "Task_RecordEscalation")
                .hasNotPassed("Task_SendReviewReminder", "Gateway_NoticeAccepted")
                .isWaitingAt("Task_ReviewEscalated");
        Task seniorReview = reviewTask();
        assertThat(seniorReview)
                .hasDefinitionKey("Task_ReviewEscalated")
                .hasCandidateGroup("SENIOR_MODERATOR")
                .isNotAssigned();
        Assertions.assertThat(seniorReview.getPriority()).isEqualTo(80);
        Assertions.assertThat(seniorReview.getDueDate()).isEqualTo(Date.from(escalatedAt.plus(Duration.ofHours(2))));
        Assertions.assertThat(timers("Event_ReviewReminder")).isEmpty();
        verify(lifecycle).escalateOverdueReview(caseId, "SENIOR_MODERATOR");
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskEscalated.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.toGroup()).isEqualTo("SENIOR_MODERATOR");
            Assertions.assertThat(event.actor()).isEqualTo("system");
            Assertions.assertThat(event.reason()).isNull();
        });

        complete(seniorReview, decision(true, false));
        assertThat(processInstance).isWaitingAt("Task_ApplyMeasures");
        execute(jobAt("Task_ApplyMeasures"));
        confirmRemoval(processInstance);

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_RecordEscalation", "Task_ReviewEscalated", "Gateway_NoticeAccepted", "Task_ApplyMeasures")
                .isWaitingAt("Task_NotifyDecision");
        verify(measures).applyPlanned(caseId);
        verify(lifecycle).recordMeasuresApplied(caseId, 1);
    }

    @Test
    void seniorReviewPastItsDueDateAlertsComplianceWhileTheSeniorsKeepTheTask() {
        ProcessInstance processInstance = startAndValidate();
        fire(timer("Event_ReviewOverdue"));
        Task seniorReview = reviewTask();
        Job overdue = timer("Event_SeniorReviewOverdue");
        Assertions.assertThat(overdue.getDuedate())
                .isEqualTo(seniorReview.getDueDate())
                .isEqualTo(Date.from(RECEIVED_AT.plus(Duration.ofHours(24 + 2))));

        fire(overdue);

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Event_SeniorReviewOverdue", "Task_AlertComplianceSeniorReview", "EndEvent_SeniorReviewOverdue")
                .isWaitingAt("Task_ReviewEscalated");
        assertThat(reviewTask()).hasId(seniorReview.getId()).hasCandidateGroup("SENIOR_MODERATOR");
        Assertions.assertThat(timers("Event_SeniorReviewOverdue"))
                .as("alerted once")
                .isEmpty();
        assertComplianceAlertedAt(overdue.getDuedate(), 2);
        verify(lifecycle, times(1)).escalateOverdueReview(caseId, "SENIOR_MODERATOR");

        complete(seniorReview, decision(false, false));
        assertThat(processInstance).isWaitingAt("Task_NotifyDecision");
    }

    @Test
    void moderatorEscalatesTheReviewWithAReasonAndASeniorModeratorDecides() {
        ProcessInstance processInstance = startAndValidate();
        Instant escalatedAt = RECEIVED_AT.plus(Duration.ofHours(1));
        ClockUtil.setCurrentTime(Date.from(escalatedAt));
        String reason = "Looks like a licensed parody; needs a senior view.";

        runtimeService()
                .createMessageCorrelation("EscalationRequested")
                .processInstanceBusinessKey(caseId)
                .setVariable(RecordEscalation.ESCALATED_BY, "moderator")
                .setVariable(RecordEscalation.ESCALATION_REASON, reason)
                .correlateWithResult();

        assertThat(processInstance)
                .hasPassed("Event_EscalationRequested", "Task_RecordEscalation")
                .hasNotPassed("Event_ReviewOverdue", "Task_SendReviewReminder")
                .isWaitingAt("Task_ReviewEscalated");
        Task seniorReview = reviewTask();
        assertThat(seniorReview)
                .hasDefinitionKey("Task_ReviewEscalated")
                .hasCandidateGroup("SENIOR_MODERATOR")
                .isNotAssigned();
        Assertions.assertThat(seniorReview.getPriority()).isEqualTo(80);
        Assertions.assertThat(seniorReview.getDueDate()).isEqualTo(Date.from(escalatedAt.plus(Duration.ofHours(2))));
        Assertions.assertThat(timers("Event_ReviewOverdue")).isEmpty();
        Assertions.assertThat(timers("Event_ReviewReminder")).isEmpty();
        verify(lifecycle).escalate(caseId, "SENIOR_MODERATOR", "moderator", reason);
        verify(lifecycle, never()).escalateOverdueReview(anyString(), anyString());
        Assertions.assertThat(runtimeService().getVariables(processInstance.getId()))
                .doesNotContainKeys(RecordEscalation.ESCALATED_BY, RecordEscalation.ESCALATION_REASON);
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskEscalated.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.actor()).isEqualTo("moderator");
            Assertions.assertThat(event.toGroup()).isEqualTo("SENIOR_MODERATOR");
            Assertions.assertThat(event.reason()).isEqualTo(reason);
        });

        complete(seniorReview, decision(false, false));
        assertThat(processInstance)
                .hasPassedInOrder("Task_RecordEscalation", "Task_ReviewEscalated", "Gateway_NoticeAccepted")
                .isWaitingAt("Task_NotifyDecision");
    }

    @Test
    void highImpactMeasureIsAppliedOnlyAfterASecondReviewerConfirms() {
        when(measures.applyPlanned(caseId)).thenReturn(0);
        ProcessInstance processInstance = startAndValidate();
        Instant decidedAt = RECEIVED_AT.plus(Duration.ofHours(1));
        ClockUtil.setCurrentTime(Date.from(decidedAt));

        complete(reviewTask(), decision(true, true));

        assertThat(processInstance).hasPassed("Gateway_SecondReviewNeeded").isWaitingAt("Task_ConfirmDecision");
        Task confirmation = reviewTask();
        assertThat(confirmation).hasCandidateGroup("SENIOR_MODERATOR").isNotAssigned();
        Assertions.assertThat(confirmation.getPriority()).isEqualTo(85);
        Assertions.assertThat(confirmation.getDueDate()).isEqualTo(Date.from(decidedAt.plus(Duration.ofHours(2))));
        verifyNoInteractions(measures);

        complete(confirmation, withVariables("confirmed", true));
        assertThat(processInstance).isWaitingAt("Task_ApplyMeasures");
        // nothing came into effect (already applied by a retried job, say): nothing for the platform to confirm
        when(enforcements.removalConfirmed(caseId)).thenReturn(true);
        when(enforcements.removedAt(caseId)).thenReturn(Optional.empty());
        execute(jobAt("Task_ApplyMeasures"));
        execute(jobAt("Task_RecordRemoval"));
        notifyParties(processInstance);

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_SecondReviewNeeded",
                        "Task_ConfirmDecision",
                        "Gateway_DecisionConfirmed",
                        "Gateway_ApplyMeasures",
                        "Task_ApplyMeasures",
                        "Gateway_MeasuresConfirmed",
                        "Gateway_RemovalConfirmed",
                        "Task_RecordRemoval",
                        "Gateway_DecisionMerge",
                        "Task_NotifyDecision")
                .hasNotPassed("Event_MeasuresEnforced");
        verify(measures).applyPlanned(caseId);
        verify(lifecycle, never()).recordMeasuresApplied(anyString(), anyInt());
        verify(lifecycle, never()).recordMeasuresEnforced(anyString(), any());
        verify(lifecycle).notifyDecision(caseId);
    }

    @Test
    void confirmationPastItsDueDateAlertsComplianceWhileTheSeniorsKeepTheTask() {
        when(measures.applyPlanned(caseId)).thenReturn(1);
        ProcessInstance processInstance = startAndValidate();
        complete(reviewTask(), decision(true, true));
        Task confirmation = reviewTask();
        Job overdue = timer("Event_ConfirmationOverdue");
        Assertions.assertThat(overdue.getDuedate())
                .isEqualTo(confirmation.getDueDate())
                .isEqualTo(Date.from(RECEIVED_AT.plus(Duration.ofHours(2))));

        fire(overdue);

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Event_ConfirmationOverdue", "Task_AlertComplianceConfirmation", "EndEvent_ConfirmationOverdue")
                .isWaitingAt("Task_ConfirmDecision");
        assertThat(reviewTask()).hasId(confirmation.getId()).hasCandidateGroup("SENIOR_MODERATOR");
        Assertions.assertThat(timers("Event_ConfirmationOverdue"))
                .as("alerted once")
                .isEmpty();
        assertComplianceAlertedAt(overdue.getDuedate(), 1);
        verifyNoInteractions(measures);

        complete(confirmation, withVariables("confirmed", true));
        execute(jobAt("Task_ApplyMeasures"));
        confirmRemoval(processInstance);
        assertThat(processInstance).isWaitingAt("Task_NotifyDecision");
        verify(measures).applyPlanned(caseId);
    }

    /** The last of {@code published} events is compliance's alert, at {@code dueDate}; the task stays where it is. */
    private void assertComplianceAlertedAt(Date dueDate, int published) {
        ArgumentCaptor<Object> events = ArgumentCaptor.forClass(Object.class);
        verify(publisher, times(published)).publishEvent(events.capture());
        Assertions.assertThat(events.getValue()).isInstanceOfSatisfying(TaskEscalated.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.toGroup()).isEqualTo("COMPLIANCE_OFFICER");
            Assertions.assertThat(event.actor()).isEqualTo("system");
            Assertions.assertThat(event.reason()).isEqualTo("senior moderators' deadline passed");
            Assertions.assertThat(event.occurredAt()).isEqualTo(dueDate.toInstant());
        });
    }

    @Test
    void overturnedOnSecondReviewTheNotifierIsToldWithoutMeasures() {
        ProcessInstance processInstance = startAndValidate();
        complete(reviewTask(), decision(true, true));

        complete(reviewTask(), withVariables("confirmed", false));

        assertThat(processInstance)
                .hasPassedInOrder("Task_ConfirmDecision", "Gateway_DecisionConfirmed", "Gateway_DecisionMerge")
                .hasNotPassed("Gateway_ApplyMeasures", "Task_ApplyMeasures")
                .isWaitingAt("Task_NotifyDecision");
        notifyParties(processInstance);
        verify(lifecycle).notifyDecision(caseId);
        verifyNoInteractions(measures);
    }

    // --- redress window ---------------------------------------------------------------------------------------------

    @Test
    void counterNoticeRunsTheCounterNoticeProcessWhichRestoresAfterTheStatutoryWait() {
        governedBy(JurisdictionProfile.CN_CC_1195, CaseOutcome.ACTION_TAKEN);
        when(measures.liftAll(eq(caseId), any(), any(), any())).thenReturn(1);
        ProcessInstance processInstance = acceptedAndNotifiedWithCounterNoticeRouteOpen();

        ClockUtil.setCurrentTime(Date.from(COUNTER_NOTICE_DELIVERED_AT));
        correlate("CounterNoticeFiled");

        assertThat(processInstance).hasPassed("Event_CounterNoticeFiled").isWaitingAt("CallActivity_CounterNotice");
        assertThat(processInstance)
                .calledProcessInstance("counter-notice")
                .hasBusinessKey(caseId)
                .variables()
                .containsEntry("caseId", caseId);
        Assertions.assertThat(timers("Event_RedressWindowClosed")).isEmpty();
        execute(jobAt("Task_ForwardCounterNotice"));
        Job wait = timer("Event_StatutoryWaitOver");
        Assertions.assertThat(wait.getDuedate()).isEqualTo(Date.from(CN_RESTORE_AT));
        fire(wait);
        execute(jobAt("Task_RestoreContent"));
        Instant restoredAt = CN_RESTORE_AT.plusSeconds(2);
        when(enforcements.restoredAt(caseId)).thenReturn(Optional.of(restoredAt));
        correlate(CaseMessages.CASE_LIFTS_ENFORCED);
        execute(jobAt("Task_NotifyRestored"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_CounterNoticeRoute",
                        "Gateway_AwaitCounterNotice",
                        "Event_CounterNoticeFiled",
                        "CallActivity_CounterNotice",
                        "Gateway_CloseMerge",
                        "Task_CloseCase",
                        "EndEvent_CaseClosed")
                .hasNotPassed("Gateway_RedressWindow", "Event_RedressWindowClosed", "Task_LiftMeasures")
                .isEnded();
        InOrder order = inOrder(lifecycle, measures);
        order.verify(lifecycle).forwardCounterNotice(eq(caseId), any(), any());
        order.verify(measures).liftAll(eq(caseId), eq("system"), any(), any());
        order.verify(lifecycle).restore(caseId, restoredAt);
        order.verify(lifecycle).close(caseId);
        verify(lifecycle, never()).recordRetracted(anyString(), any());
    }

    /**
     * The counter-notice route has no deadline (Civil Code 1196, 17 U.S.C. 512(g)): the DSA complaint window of the
     * decision ending does not close it; the rights holder's retraction still can. Complaints run beside the lifecycle
     * (AppealProcessTest), so the lifecycle has no branch for them.
     */
    @Test
    void counterNoticeRouteStaysOpenPastTheComplaintWindowUntilTheRetraction() {
        governedBy(JurisdictionProfile.US_DMCA, CaseOutcome.ACTION_TAKEN);
        ProcessInstance processInstance = acceptedAndNotifiedWithCounterNoticeRouteOpen();

        ClockUtil.setCurrentTime(Date.from(WINDOW_ENDS.plus(Duration.ofDays(400))));
        Assertions.assertThat(managementService()
                        .createJobQuery()
                        .processInstanceId(processInstance.getId())
                        .count())
                .isZero();
        assertThat(processInstance).isWaitingAt("Gateway_AwaitCounterNotice");

        correlate("NoticeRetracted");
        execute(jobAt("Task_LiftMeasures"));
        assertThat(processInstance)
                .as("both sides are told once the platform confirms the lifts")
                .isWaitingAt("Event_RetractionLiftsEnforced");
        verify(lifecycle, never()).recordRetracted(anyString(), any());
        Instant restoredAt = Instant.parse("2027-03-01T08:00:05Z");
        when(enforcements.restoredAt(caseId)).thenReturn(Optional.of(restoredAt));
        correlate(CaseMessages.CASE_LIFTS_ENFORCED);
        execute(jobAt("Task_NotifyRetracted"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_AwaitCounterNotice",
                        "Event_RetractedAwaitingCounterNotice",
                        "Gateway_Retracted",
                        "Task_LiftMeasures",
                        "Gateway_RetractionLiftsConfirmed",
                        "Event_RetractionLiftsEnforced",
                        "Task_NotifyRetracted",
                        "Gateway_CloseMerge",
                        "Task_CloseCase",
                        "EndEvent_CaseClosed")
                .hasNotPassed("Gateway_RedressWindow", "Event_NoticeRetracted", "CallActivity_CounterNotice")
                .isEnded();
        InOrder order = inOrder(lifecycle, measures);
        order.verify(measures)
                .liftAll(
                        eq(caseId),
                        eq("system"),
                        eq(LiftCause.RETRACTION),
                        eq("notice retracted by the rights holder"));
        order.verify(lifecycle).recordRetracted(caseId, restoredAt);
        order.verify(lifecycle).close(caseId);
    }

    // --- model remediation --------------------------------------------------------------------------------------

    @Test
    void noticeOnGeneratedOutputClosesAsRemediedOnlyOnceTheRemediationIsVerified() {
        Remediations remediations = remediationRequired(Remediations.CloseGate.PENDING);
        ProcessInstance processInstance = startAndValidate();
        complete(reviewTask(), decision(true, false));
        execute(jobAt("Task_ApplyMeasures"));
        confirmRemoval(processInstance);
        assertThat(processInstance).hasPassed("Gateway_ModelRemediation").isWaitingAt("Task_OpenRemediation");
        execute(jobAt("Task_OpenRemediation"));
        verify(remediations).open(caseId);
        Assertions.assertThat(runtimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey("model-remediation")
                        .count())
                .as("the owner's process starts on RemediationOpened, not from the lifecycle")
                .isZero();
        notifyParties(processInstance);

        fire(timer("Event_RedressWindowClosed"));
        assertThat(processInstance).hasPassed("Gateway_RemediationVerified").isWaitingAt("Event_RemediationVerified");
        verify(lifecycle, never()).close(caseId);

        correlate("RemediationVerified");
        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ApplyMeasures",
                        "Task_OpenRemediation",
                        "Task_NotifyDecision",
                        "Gateway_CloseMerge",
                        "Event_RemediationVerified",
                        "Task_CloseRemedied",
                        "EndEvent_CaseRemedied")
                .hasNotPassed("Task_CloseCase")
                .isEnded();
        verify(lifecycle).closeRemedied(caseId);
        verify(lifecycle, never()).close(caseId);
    }

    @Test
    void remediationVerifiedBeforeTheWindowClosesLetsTheCaseCloseAsRemediedAtOnce() {
        remediationRequired(Remediations.CloseGate.VERIFIED);
        ProcessInstance processInstance = startAndValidate();
        complete(reviewTask(), decision(true, false));
        execute(jobAt("Task_ApplyMeasures"));
        confirmRemoval(processInstance);
        execute(jobAt("Task_OpenRemediation"));
        notifyParties(processInstance);

        fire(timer("Event_RedressWindowClosed"));

        assertThat(processInstance)
                .hasPassedInOrder("Gateway_RemediationVerified", "Task_CloseRemedied", "EndEvent_CaseRemedied")
                .hasNotPassed("Event_RemediationVerified", "Task_CloseCase")
                .isEnded();
        verify(lifecycle).closeRemedied(caseId);
    }

    private Remediations remediationRequired(Remediations.CloseGate gate) {
        Remediations remediations = mock(Remediations.class);
        when(remediations.required(caseId)).thenReturn(true);
        when(remediations.closeGate(caseId)).thenReturn(gate);
        registerRemediationBeans(remediations, lifecycle);
        return remediations;
    }

    @Test
    void retractionWithinTheComplaintWindowLiftsTheMeasuresAndClosesTheCase() {
        governedBy(JurisdictionProfile.EU_DSA, CaseOutcome.ACTION_TAKEN);
        ProcessInstance processInstance = acceptedAndNotified();

        correlate("NoticeRetracted");
        assertThat(processInstance).hasPassed("Event_NoticeRetracted").isWaitingAt("Task_LiftMeasures");
        Assertions.assertThat(timers("Event_RedressWindowClosed")).isEmpty();
        // the platform had confirmed the lifts before the process looked (they were lifted by hand, say)
        when(enforcements.restorationConfirmed(caseId)).thenReturn(true);
        Instant restoredAt = Instant.parse("2027-03-01T08:00:05Z");
        when(enforcements.restoredAt(caseId)).thenReturn(Optional.of(restoredAt));
        execute(jobAt("Task_LiftMeasures"));
        execute(jobAt("Task_NotifyRetracted"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_RedressWindow",
                        "Event_NoticeRetracted",
                        "Gateway_Retracted",
                        "Task_LiftMeasures",
                        "Gateway_RetractionLiftsConfirmed",
                        "Gateway_RetractionRestorationConfirmed",
                        "Task_NotifyRetracted",
                        "Gateway_CloseMerge",
                        "Task_CloseCase",
                        "EndEvent_CaseClosed")
                .hasNotPassed("Event_RetractionLiftsEnforced")
                .isEnded();
        InOrder order = inOrder(lifecycle, measures);
        order.verify(measures)
                .liftAll(
                        eq(caseId),
                        eq("system"),
                        eq(LiftCause.RETRACTION),
                        eq("notice retracted by the rights holder"));
        order.verify(lifecycle).recordRetracted(caseId, restoredAt);
        order.verify(lifecycle).close(caseId);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** The correlated-event claims in the engine's own database, created by the workflow module's migration. */
    private static CorrelatedEvents correlatedEvents() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(
                ((ProcessEngineConfigurationImpl) ENGINE.getProcessEngine().getProcessEngineConfiguration())
                        .getDataSource());
        String migration = new String(
                NoticeLifecycleProcessTest.class
                        .getResourceAsStream("/db/migration/workflow/V31__workflow_message.sql")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement
                        .replace("create table ", "create table if not exists ")
                        .replace("create index ", "create index if not exists "));
            }
        }
        return new CorrelatedEvents(jdbc, Clock.systemUTC(), Duration.ofDays(30));
    }

    /** As below, with a platform that has confirmed nothing. */
    static void registerBeans(
            NoticeCases noticeCases,
            CaseLifecycle lifecycle,
            Measures measures,
            ApplicationEventPublisher publisher,
            StatutoryCalendars calendars) {
        registerBeans(
                noticeCases,
                lifecycle,
                measures,
                publisher,
                calendars,
                mock(Enforcements.class, withSettings().strictness(Strictness.LENIENT)));
    }

    /** The delegates and expression beans the three processes name, wired to the mocks and the engine's clock. */
    static void registerBeans(
            NoticeCases noticeCases,
            CaseLifecycle lifecycle,
            Measures measures,
            ApplicationEventPublisher publisher,
            StatutoryCalendars calendars,
            Enforcements enforcements) {
        Clock clock = ENGINE_CLOCK;
        Mocks.register("validateNotice", new ValidateNotice(noticeCases, lifecycle));
        Mocks.register("recordTriageNote", new RecordTriageNote(lifecycle));
        Mocks.register("requestCure", new RequestCure(noticeCases, lifecycle));
        Mocks.register("closeIncomplete", new CloseIncomplete(noticeCases, lifecycle));
        Mocks.register("sendReviewReminder", new SendReviewReminder(publisher));
        Mocks.register("recordEscalation", new RecordEscalation(lifecycle, publisher));
        Mocks.register("applyMeasures", new ApplyMeasures(measures, lifecycle));
        Mocks.register("notifyDecision", new NotifyDecision(lifecycle));
        Mocks.register("liftOnRetraction", new LiftOnRetraction(measures));
        Mocks.register("notifyRetracted", new NotifyRetracted(enforcements, lifecycle));
        Mocks.register("closeCase", new CloseCase(lifecycle));
        Mocks.register("maintainMeasures", new MaintainMeasures(lifecycle));
        Mocks.register("restoreContent", new RestoreContent(measures));
        Mocks.register("platformConfirmations", new PlatformConfirmations(enforcements));
        Mocks.register("recordRemoval", new RecordRemoval(enforcements, lifecycle));
        Mocks.register("notifyRestored", new NotifyRestored(enforcements, lifecycle));
        Mocks.register("closeUpheld", new CloseUpheld(lifecycle));
        Mocks.register("restoreAfterProceedings", new RestoreAfterProceedings(measures));
        Mocks.register("notifyRestoredAfterProceedings", new NotifyRestoredAfterProceedings(enforcements, lifecycle));
        Mocks.register("notifyRestoredOnAppeal", new NotifyRestoredOnAppeal(enforcements, lifecycle));
        Mocks.register("openAppeal", new OpenAppeal(lifecycle));
        Mocks.register("reverseDecision", new ReverseDecision(measures));
        Mocks.register("alertCompliance", new AlertCompliance(publisher, clock));
        Mocks.register("reviewDeadlines", new ReviewDeadlines(SLA, clock));
        CaseDeadlines deadlines = new CaseDeadlines(noticeCases, calendars, clock);
        Mocks.register("caseDeadlines", deadlines);
        Mocks.register("forwardCounterNotice", new ForwardCounterNotice(lifecycle, deadlines));
        Mocks.register("appealDeadlines", new AppealDeadlines(Duration.ofDays(7), Duration.ofDays(5), 1, clock));
        Remediations noRemediation = mock(Remediations.class, withSettings().strictness(Strictness.LENIENT));
        when(noRemediation.closeGate(anyString())).thenReturn(Remediations.CloseGate.NONE);
        registerRemediationBeans(noRemediation, lifecycle);
    }

    /** The delegates of model-remediation.bpmn and the lifecycle's remediation steps, on {@code remediations}. */
    static void registerRemediationBeans(Remediations remediations, CaseLifecycle lifecycle) {
        Mocks.register("modelRemediation", new ModelRemediation(remediations));
        Mocks.register("openRemediation", new OpenRemediation(remediations));
        Mocks.register("remediationGate", new RemediationGate(remediations));
        Mocks.register("closeRemedied", new CloseRemedied(lifecycle));
        Mocks.register("verifyRemediation", new VerifyRemediation(remediations));
        Mocks.register("escalateRemediation", new EscalateRemediation(remediations));
        Mocks.register("reportRemedied", new ReportRemedied());
    }

    /** The deadline beans read Camunda's clock, so moving {@link ClockUtil} moves what they compute. */
    static final Clock ENGINE_CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    };

    /**
     * The real calendars on the repository's config/holidays-cn.yml. {@link StatutoryCalendars} reads the table from
     * the classpath (through the thread's context class loader), and config/ is only on the app module's classpath,
     * so config/ is put on the context class loader while it is constructed.
     */
    static StatutoryCalendars calendarsFromConfig() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader config =
                new URLClassLoader(new URL[] {Path.of("../../config/").toUri().toURL()}, previous)) {
            thread.setContextClassLoader(config);
            return new StatutoryCalendars(Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Moves Camunda's clock to the timer's due date (it is not due a moment earlier) and fires it. */
    static void fire(Job timer) {
        Assertions.assertThat(managementService()
                        .createJobQuery()
                        .jobId(timer.getId())
                        .executable()
                        .count())
                .as("%s is not due before %s", timer.getId(), timer.getDuedate())
                .isZero();
        ClockUtil.setCurrentTime(timer.getDuedate());
        Assertions.assertThat(managementService()
                        .createJobQuery()
                        .jobId(timer.getId())
                        .executable()
                        .count())
                .as("%s is due at %s", timer.getId(), timer.getDuedate())
                .isOne();
        execute(timer);
    }

    /** The one timer of an activity, in whichever process instance (each test runs a single case). */
    static Job timer(String activityId) {
        List<Job> timers = timers(activityId);
        Assertions.assertThat(timers).as("timers of %s", activityId).hasSize(1);
        return timers.get(0);
    }

    static List<Job> timers(String activityId) {
        return managementService()
                .createJobQuery()
                .timers()
                .activityId(activityId)
                .list();
    }

    /** The async continuation waiting before an activity. */
    static Job jobAt(String activityId) {
        List<Job> jobs = managementService()
                .createJobQuery()
                .messages()
                .activityId(activityId)
                .list();
        Assertions.assertThat(jobs)
                .as("async continuation before %s", activityId)
                .hasSize(1);
        return jobs.get(0);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS, caseId, Map.of("caseId", caseId));
    }

    /** Starts the case and runs the validation job. */
    private ProcessInstance startAndValidate() {
        ProcessInstance processInstance = start();
        assertThat(processInstance).isWaitingAt("Task_ValidateNotice");
        execute(jobAt("Task_ValidateNotice"));
        assertThat(processInstance).hasPassed("Task_ValidateNotice", "Gateway_NoticeComplete");
        return processInstance;
    }

    /** Accepted without four-eyes, measures applied, parties notified: the redress window is open. */
    private ProcessInstance acceptedAndNotified() {
        ProcessInstance processInstance = startAndValidate();
        complete(reviewTask(), decision(true, false));
        execute(jobAt("Task_ApplyMeasures"));
        confirmRemoval(processInstance);
        notifyParties(processInstance);
        return processInstance;
    }

    /** The uploader may answer the measure with a counter-notice, so no complaint window closes the case. */
    private ProcessInstance acceptedAndNotifiedWithCounterNoticeRouteOpen() {
        ProcessInstance processInstance = startAndValidate();
        complete(reviewTask(), decision(true, false));
        execute(jobAt("Task_ApplyMeasures"));
        confirmRemoval(processInstance);
        assertThat(processInstance).isWaitingAt("Task_NotifyDecision");
        ClockUtil.setCurrentTime(Date.from(NOTIFIED_AT));
        execute(jobAt("Task_NotifyDecision"));
        assertThat(processInstance)
                .hasPassed("Task_NotifyDecision", "Gateway_CounterNoticeRoute")
                .isWaitingAt("Gateway_AwaitCounterNotice");
        Assertions.assertThat(timers("Event_RedressWindowClosed")).isEmpty();
        return processInstance;
    }

    /** The case's governing profile and what its decisions came to (the counter-notice route depends on both). */
    private void governedBy(JurisdictionProfile profile, CaseOutcome outcome) {
        when(noticeCases.timers(caseId))
                .thenReturn(new CaseTimers(
                        profile,
                        CN_POLICY,
                        1,
                        RECEIVED_AT,
                        NOTIFIED_AT,
                        COUNTER_NOTICE_DELIVERED_AT,
                        COUNTER_NOTICE_DELIVERED_AT,
                        RECEIVED_AT));
        lenient().when(noticeCases.outcome(caseId)).thenReturn(Optional.of(outcome));
    }

    /** The decision's measures wait for the platform; its confirmation lets the case record the removal. */
    private void confirmRemoval(ProcessInstance processInstance) {
        assertThat(processInstance).isWaitingAt("Event_MeasuresEnforced");
        verify(lifecycle, never()).notifyDecision(anyString());
        correlate(CaseMessages.CASE_MEASURES_ENFORCED);
        assertThat(processInstance).isWaitingAt("Task_RecordRemoval");
        execute(jobAt("Task_RecordRemoval"));
        verify(lifecycle).recordMeasuresEnforced(caseId, REMOVED_AT);
    }

    private void notifyParties(ProcessInstance processInstance) {
        assertThat(processInstance).isWaitingAt("Task_NotifyDecision");
        ClockUtil.setCurrentTime(Date.from(NOTIFIED_AT));
        execute(jobAt("Task_NotifyDecision"));
        assertThat(processInstance)
                .hasPassed("Task_NotifyDecision", "Gateway_CounterNoticeRoute")
                .isWaitingAt("Gateway_RedressWindow");
        Assertions.assertThat(timer("Event_RedressWindowClosed").getDuedate()).isEqualTo(Date.from(WINDOW_ENDS));
    }

    private Task reviewTask() {
        return taskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .singleResult();
    }

    private void correlate(String message) {
        runtimeService()
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();
    }

    private static Map<String, Object> decision(boolean accepted, boolean secondReview) {
        return withVariables(
                "accepted",
                accepted,
                "secondReview",
                secondReview,
                "decisionId",
                UUID.randomUUID().toString());
    }
}
