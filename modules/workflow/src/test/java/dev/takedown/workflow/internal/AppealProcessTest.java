package dev.takedown.workflow.internal;

import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.fire;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.jobAt;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.registerBeans;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timer;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timers;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.takedown.events.AppealFiled;
import dev.takedown.events.LiftCause;
import dev.takedown.events.TaskEscalated;
import dev.takedown.events.TaskReminderDue;
import dev.takedown.measures.Enforcements;
import dev.takedown.measures.Measures;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.NotInForceException;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.NoticeCases;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The internal complaint process (DSA Art. 20) with the real delegates and {@link AppealDeadlines} (due P7D, reminder
 * P5D) on Camunda's clock, and mocked module services.
 */
@ExtendWith(MockitoExtension.class)
@Deployment(resources = "bpmn/appeal.bpmn")
class AppealProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String PROCESS = "appeal";
    private static final Instant FILED_AT = Instant.parse("2025-10-20T08:00:00Z");
    /** When the platform confirms the last lift, by its clock. */
    private static final Instant RESTORED_AT = Instant.parse("2025-10-24T09:00:02Z");

    @Mock
    NoticeCases noticeCases;

    @Mock
    CaseLifecycle lifecycle;

    @Mock
    Measures measures;

    @Mock
    ApplicationEventPublisher publisher;

    @Mock
    Misuse misuse;

    /** The platform has confirmed nothing unless a test says so. */
    @Mock
    Enforcements enforcements;

    private final String caseId = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(FILED_AT));
        // the complaint process reads no statutory deadline, so no calendars
        registerBeans(noticeCases, lifecycle, measures, publisher, null, enforcements);
        Mocks.register("liftSuspension", new LiftSuspension(misuse));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void upheldComplaintChangesNothing() {
        ProcessInstance processInstance = startAndOpen();

        complete(complaintReview(), decision(false));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_OpenAppeal", "Task_ReviewAppeal", "Gateway_AppealReversed", "EndEvent_DecisionUpheld")
                .hasNotPassed("Task_ReverseDecision", "Task_RemindAppeal")
                .isEnded();
        Assertions.assertThat(timers("Event_AppealOverdue")).isEmpty();
        verify(lifecycle).openAppealReview(caseId);
        verifyNoInteractions(measures, publisher);
    }

    /** Both sides learn that the content is back only when the platform confirms the lifts. */
    @Test
    void reversedDecisionLiftsTheMeasuresThatWereApplied() {
        when(measures.liftAll(caseId, "system", LiftCause.APPEAL, "decision reversed on appeal"))
                .thenReturn(2);
        when(enforcements.restoredAt(caseId)).thenReturn(Optional.of(RESTORED_AT));
        ProcessInstance processInstance = startAndOpen();

        complete(complaintReview(), decision(true));
        assertThat(processInstance).hasPassed("Gateway_AppealReversed").isWaitingAt("Task_ReverseDecision");
        execute(jobAt("Task_ReverseDecision"));
        assertThat(processInstance).isWaitingAt("Event_AppealLiftsEnforced");
        verify(lifecycle, never()).restoreOnAppeal(anyString(), any());
        runtimeService()
                .createMessageCorrelation(CaseMessages.CASE_LIFTS_ENFORCED)
                .processInstanceBusinessKey(caseId)
                .correlateAllWithResult();
        execute(jobAt("Task_NotifyRestoredOnAppeal"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ReviewAppeal",
                        "Gateway_AppealReversed",
                        "Gateway_ComplaintSubject",
                        "Task_ReverseDecision",
                        "Gateway_LiftedOnAppeal",
                        "Gateway_AppealLiftsConfirmed",
                        "Event_AppealLiftsEnforced",
                        "Task_NotifyRestoredOnAppeal",
                        "EndEvent_RestoredOnAppeal")
                .hasNotPassed("EndEvent_DecisionUpheld", "Task_LiftSuspension", "EndEvent_DecisionReversed")
                .isEnded();
        verify(measures).liftAll(caseId, "system", LiftCause.APPEAL, "decision reversed on appeal");
        verify(measures, never()).applyPlanned(anyString());
        verify(lifecycle).restoreOnAppeal(caseId, RESTORED_AT);
    }

    @Test
    void aRestorationThePlatformConfirmedBeforeTheProcessLookedIsToldAtOnce() {
        when(measures.liftAll(caseId, "system", LiftCause.APPEAL, "decision reversed on appeal"))
                .thenReturn(1);
        when(enforcements.restorationConfirmed(caseId)).thenReturn(true);
        when(enforcements.restoredAt(caseId)).thenReturn(Optional.of(RESTORED_AT));
        ProcessInstance processInstance = startAndOpen();

        complete(complaintReview(), decision(true));
        execute(jobAt("Task_ReverseDecision"));
        execute(jobAt("Task_NotifyRestoredOnAppeal"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_LiftedOnAppeal",
                        "Gateway_AppealLiftsConfirmed",
                        "Gateway_AppealRestorationConfirmed",
                        "Task_NotifyRestoredOnAppeal",
                        "EndEvent_RestoredOnAppeal")
                .hasNotPassed("Event_AppealLiftsEnforced")
                .isEnded();
        verify(lifecycle).restoreOnAppeal(caseId, RESTORED_AT);
    }

    @Test
    void reversedDecisionToDoNothingAppliesTheMeasuresTheComplaintReviewPlanned() {
        when(measures.liftAll(caseId, "system", LiftCause.APPEAL, "decision reversed on appeal"))
                .thenReturn(0);
        ProcessInstance processInstance = startAndOpen();

        complete(complaintReview(), decision(true));
        execute(jobAt("Task_ReverseDecision"));

        assertThat(processInstance)
                .hasPassed("Task_ReverseDecision", "Gateway_LiftedOnAppeal", "EndEvent_DecisionReversed")
                .hasNotPassed("Gateway_AppealLiftsConfirmed")
                .isEnded();
        InOrder order = inOrder(measures);
        order.verify(measures).liftAll(caseId, "system", LiftCause.APPEAL, "decision reversed on appeal");
        order.verify(measures).applyPlanned(caseId);
        verify(lifecycle, never()).restoreOnAppeal(anyString(), any());
    }

    @Test
    void reminderFiresWhileTheComplaintStaysOpen() {
        ProcessInstance processInstance = startAndOpen();
        Task review = complaintReview();

        Job reminder = timer("Event_AppealOverdue");
        Assertions.assertThat(reminder.getDuedate()).isEqualTo(Date.from(FILED_AT.plus(Duration.ofDays(5))));
        fire(reminder);

        assertThat(processInstance)
                .hasPassed("Event_AppealOverdue", "Task_RemindAppeal", "EndEvent_AppealReminded")
                .isWaitingAt("Task_ReviewAppeal");
        assertThat(task()).hasId(review.getId());
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskReminderDue.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.actor()).isEqualTo("system");
        });

        complete(review, decision(false));
        assertThat(processInstance).hasPassed("EndEvent_DecisionUpheld").isEnded();
        verifyNoInteractions(measures);
    }

    /** Past the complaint's due date there is no queue above the seniors': compliance is alerted, the task stays. */
    @Test
    void aComplaintPastItsDueDateAlertsComplianceWhileTheSeniorsKeepIt() {
        ProcessInstance processInstance = startAndOpen();
        Task review = complaintReview();

        Job pastDue = timer("Event_AppealPastDue");
        Assertions.assertThat(pastDue.getDuedate()).isEqualTo(review.getDueDate());
        fire(pastDue);

        assertThat(processInstance)
                .hasPassed("Task_AlertComplianceAppeal", "EndEvent_AppealPastDue")
                .isWaitingAt("Task_ReviewAppeal");
        assertThat(task()).hasId(review.getId());
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskEscalated.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.toGroup()).isEqualTo("COMPLIANCE_OFFICER");
        });
    }

    /** A suspension or termination reversed on complaint is recorded as a reversal; the case's measures stay. */
    @Test
    void reversedSuspensionIsLiftedWithoutTouchingTheCaseMeasures() {
        String suspensionId = UUID.randomUUID().toString();
        ProcessInstance processInstance = startAndOpen("SUSPENSION", suspensionId);
        String complaintId = (String) runtimeService().getVariable(processInstance.getId(), "appealId");

        complete(complaintReview(), decision(true));
        execute(jobAt("Task_LiftSuspension"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_AppealReversed",
                        "Gateway_ComplaintSubject",
                        "Task_LiftSuspension",
                        "EndEvent_SuspensionLifted")
                .hasNotPassed("Task_ReverseDecision")
                .isEnded();
        verify(misuse)
                .reverse(suspensionId, "complaint " + complaintId + " decided in the party's favour (DSA Art. 20)");
        verify(misuse, never()).lift(anyString(), anyString(), anyString());
        verifyNoInteractions(measures);
    }

    @Test
    void suspensionThatEndedMeanwhileHasNothingLeftToLift() {
        String suspensionId = UUID.randomUUID().toString();
        when(misuse.reverse(anyString(), anyString()))
                .thenThrow(new NotInForceException(
                        "change " + suspensionId + " is not a suspension or termination in force"));
        ProcessInstance processInstance = startAndOpen("SUSPENSION", suspensionId);

        complete(complaintReview(), decision(true));
        execute(jobAt("Task_LiftSuspension"));

        assertThat(processInstance).hasPassed("EndEvent_SuspensionLifted").isEnded();
    }

    /**
     * Each complaint is its own process beside the case's lifecycle, keyed by the case: two parties' complaints on one
     * case run at once, and an event delivered twice starts its complaint once.
     */
    @Test
    void eachComplaintRunsItsOwnProcessStartedOnceByItsEvent() {
        ComplaintProcesses starter = new ComplaintProcesses(runtimeService(), BpmnAwareTests.historyService());
        AppealFiled notifiers = filed("NOTIFIER", "NO_ACTION");
        AppealFiled uploaders = filed("UPLOADER", "APPEAL_DECISION");

        starter.on(notifiers);
        starter.on(notifiers);
        starter.on(uploaders);

        List<ProcessInstance> running = runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(caseId)
                .list();
        Assertions.assertThat(running).hasSize(2);
        Assertions.assertThat(running.stream()
                        .map(p -> runtimeService().getVariable(p.getId(), "appealId"))
                        .toList())
                .containsExactlyInAnyOrder(notifiers.appealId(), uploaders.appealId());
        Assertions.assertThat(taskService()
                        .createTaskQuery()
                        .processInstanceBusinessKey(caseId)
                        .taskDefinitionKey("Task_ReviewAppeal")
                        .count())
                .isEqualTo(2);
    }

    private AppealFiled filed(String role, String subject) {
        return new AppealFiled(
                UUID.randomUUID(),
                FILED_AT,
                caseId,
                role.toLowerCase(Locale.ROOT),
                UUID.randomUUID().toString(),
                role,
                subject,
                UUID.randomUUID().toString());
    }

    private ProcessInstance startAndOpen() {
        return startAndOpen("MEASURE", UUID.randomUUID().toString());
    }

    private ProcessInstance startAndOpen(String subject, String decisionId) {
        ProcessInstance processInstance = runtimeService()
                .startProcessInstanceByKey(
                        PROCESS,
                        caseId,
                        Map.of(
                                "caseId",
                                caseId,
                                "appealId",
                                UUID.randomUUID().toString(),
                                "complaintSubject",
                                subject,
                                "complainedDecision",
                                decisionId));
        assertThat(processInstance).hasPassed("Task_OpenAppeal").isWaitingAt("Task_ReviewAppeal");
        // a complaint against a suspension is about the party's standing: the case is not put under review
        if ("SUSPENSION".equals(subject)) {
            verify(lifecycle).openSuspensionComplaint(caseId);
            verify(lifecycle, never()).openAppealReview(anyString());
        } else {
            verify(lifecycle).openAppealReview(caseId);
        }
        return processInstance;
    }

    /** Senior moderators, 7 days, reminder after 5. */
    private Task complaintReview() {
        Task review = task();
        assertThat(review)
                .hasDefinitionKey("Task_ReviewAppeal")
                .hasCandidateGroup("SENIOR_MODERATOR")
                .isNotAssigned();
        Assertions.assertThat(review.getPriority()).isEqualTo(70);
        Assertions.assertThat(review.getDueDate()).isEqualTo(Date.from(FILED_AT.plus(Duration.ofDays(7))));
        return review;
    }

    private static Map<String, Object> decision(boolean reversed) {
        return withVariables(
                "reversed", reversed, "decisionId", UUID.randomUUID().toString());
    }
}
