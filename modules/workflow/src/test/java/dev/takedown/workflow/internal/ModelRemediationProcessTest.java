package dev.takedown.workflow.internal;

import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.ENGINE_CLOCK;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.fire;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.jobAt;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.registerBeans;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.registerRemediationBeans;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timer;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timers;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.takedown.events.FilterWideningDecided;
import dev.takedown.events.RemediationChangeRecorded;
import dev.takedown.events.RemediationOpened;
import dev.takedown.events.TaskEscalated;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.NoticeCases;
import dev.takedown.remediation.Remediations;
import dev.takedown.remediation.VerificationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The model-remediation process with the real delegates and the real listeners that start it and complete its tasks
 * from the remediation's events; the remediation service (replay results, the owner's changes) is mocked. One test per
 * path: verified at once, failed then verified, a replay not yet run, overdue, withdrawn, a widening approved, refused
 * and left undecided; and the process starts once per case, whoever opened the remediation.
 */
@ExtendWith(MockitoExtension.class)
@Deployment(resources = "bpmn/model-remediation.bpmn")
class ModelRemediationProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String PROCESS = "model-remediation";
    private static final Instant OPENED_AT = Instant.parse("2025-10-20T08:00:00Z");
    private static final Date DUE = Date.from(OPENED_AT.plus(Duration.ofDays(15)));
    private static final Date WIDENING_DUE = Date.from(OPENED_AT.plus(Duration.ofHours(24)));

    @Mock
    NoticeCases noticeCases;

    @Mock
    CaseLifecycle lifecycle;

    @Mock
    Measures measures;

    @Mock
    ApplicationEventPublisher publisher;

    @Mock
    Remediations remediations;

    private final String caseId = UUID.randomUUID().toString();
    private RemediationStart start;
    private RemediationTasks remediationTasks;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(OPENED_AT));
        registerBeans(noticeCases, lifecycle, measures, publisher, null);
        registerRemediationBeans(remediations, lifecycle);
        Mocks.register("escalateWideningReview", new EscalateWideningReview(publisher, ENGINE_CLOCK));
        start = new RemediationStart(runtimeService());
        remediationTasks = new RemediationTasks(taskService());
        when(remediations.dueTimer(caseId)).thenReturn(DUE);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void ownersChangeThatBlocksEveryReplayPromptIsVerified() {
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.PASSED);
        ProcessInstance remediation = start();
        Task owner = ownerTask();
        Assertions.assertThat(owner.getDueDate()).isEqualTo(DUE);
        Assertions.assertThat(timer("Event_RemediationOverdue").getDuedate()).isEqualTo(DUE);

        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));

        assertThat(remediation)
                .hasPassedInOrder(
                        "Task_DescribeRemediation",
                        "Gateway_WideningRequested",
                        "Gateway_ChangeReady",
                        "Task_VerifyRemediation",
                        "Gateway_VerificationPassed",
                        "EndEvent_Verified",
                        "Task_ReportRemedied",
                        "EndEvent_ModelRemedied")
                .hasNotPassed("Task_ReviewWidening", "Event_AwaitReplay", "Task_EscalateRemediation")
                .isEnded();
        Assertions.assertThat(timers("Event_RemediationOverdue"))
                .as("the due timer ends with the remediation")
                .isEmpty();
        verify(remediations, never()).escalate(caseId);
    }

    @Test
    void failedVerificationGoesBackToTheOwnerUntilAChangePasses() {
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.FAILED, VerificationOutcome.PASSED);
        ProcessInstance remediation = start();

        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).hasPassed("Gateway_VerificationPassed").isWaitingAt("Task_DescribeRemediation");
        Assertions.assertThat(ownerTask().getDueDate())
                .as("the due date does not move")
                .isEqualTo(DUE);

        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));

        assertThat(remediation)
                .hasPassed("EndEvent_Verified", "EndEvent_ModelRemedied")
                .isEnded();
        verify(remediations, times(2)).verify(caseId);
    }

    @Test
    void verificationWaitsForAReplayThatRanAfterTheChange() {
        when(remediations.replayWait()).thenReturn("PT5S");
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.PENDING, VerificationOutcome.PASSED);
        ProcessInstance remediation = start();

        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).isWaitingAt("Event_AwaitReplay");
        Assertions.assertThat(timer("Event_AwaitReplay").getDuedate()).isEqualTo(Date.from(OPENED_AT.plusSeconds(5)));
        fire(timer("Event_AwaitReplay"));
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));

        assertThat(remediation)
                .hasPassedInOrder(
                        "Task_VerifyRemediation",
                        "Event_AwaitReplay",
                        "Gateway_ReadyToVerify",
                        "Task_VerifyRemediation",
                        "EndEvent_Verified")
                .isEnded();
    }

    @Test
    void overdueRemediationAlertsComplianceWhileTheOwnerKeepsTheTask() {
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.NO_REPLAY_SUITE, VerificationOutcome.PASSED);
        ProcessInstance remediation = start();
        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).as("nothing could verify the change").isWaitingAt("Task_DescribeRemediation");

        fire(timer("Event_RemediationOverdue"));

        assertThat(remediation)
                .hasPassed("Task_EscalateRemediation", "EndEvent_ComplianceAlerted")
                .isWaitingAt("Task_DescribeRemediation");
        verify(remediations).escalate(caseId);
        Assertions.assertThat(timers("Event_RemediationOverdue"))
                .as("alerted once")
                .isEmpty();

        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));
        assertThat(remediation).hasPassed("EndEvent_ModelRemedied").isEnded();
    }

    @Test
    void everyMeasureLiftedWithdrawsTheRemediationWhereverItStands() {
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.PENDING);
        when(remediations.replayWait()).thenReturn("PT5S");
        ProcessInstance remediation = start();
        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).isWaitingAt("Event_AwaitReplay");

        runtimeService()
                .createMessageCorrelation(ModelRemediation.WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(caseId)
                .correlateAllWithResult();

        assertThat(remediation)
                .hasPassed("Event_MeasuresLifted", "EndEvent_RemediationWithdrawn")
                .hasNotPassed("EndEvent_Verified", "Task_ReportRemedied", "Task_EscalateRemediation")
                .isEnded();
        Assertions.assertThat(timers("Event_RemediationOverdue"))
                .as("nothing left to be overdue")
                .isEmpty();
    }

    @Test
    void aWideningWaitsForAModeratorAndIsVerifiedOnceApproved() {
        wideningReviewDueTomorrow();
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.PASSED);
        ProcessInstance remediation = start();

        changeRecorded(true);

        assertThat(remediation).isWaitingAt("Task_ReviewWidening");
        Task review = task();
        assertThat(review).hasName("Review filter widening").hasCandidateGroup("MODERATOR");
        Assertions.assertThat(review.getDueDate()).isEqualTo(WIDENING_DUE);
        Assertions.assertThat(timer("Event_WideningReviewOverdue").getDuedate())
                .as("the escalation fires at the due date")
                .isEqualTo(WIDENING_DUE);
        Assertions.assertThat(jobsAt("Task_VerifyRemediation"))
                .as("nothing is verified before the moderator decides")
                .isZero();

        wideningDecided(true);
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));

        assertThat(remediation)
                .hasPassedInOrder(
                        "Task_DescribeRemediation",
                        "Task_ReviewWidening",
                        "Gateway_WideningApproved",
                        "Gateway_ChangeReady",
                        "Task_VerifyRemediation",
                        "EndEvent_Verified")
                .hasNotPassed("Task_AlertSeniorModerators")
                .isEnded();
        Assertions.assertThat(timers("Event_WideningReviewOverdue")).isEmpty();
    }

    @Test
    void aRefusedWideningGoesBackToTheOwnerUnverified() {
        wideningReviewDueTomorrow();
        ProcessInstance remediation = start();
        changeRecorded(true);

        wideningDecided(false);

        assertThat(remediation)
                .hasPassedInOrder("Task_ReviewWidening", "Gateway_WideningApproved", "Gateway_OwnersTurn")
                .hasNotPassed("Task_VerifyRemediation")
                .isWaitingAt("Task_DescribeRemediation");
        Assertions.assertThat(ownerTask().getDueDate())
                .as("the owner's due date does not move")
                .isEqualTo(DUE);
        verify(remediations, never()).verify(caseId);
    }

    @Test
    void anUndecidedWideningAlertsTheSeniorModeratorsAndStaysInTheQueue() {
        wideningReviewDueTomorrow();
        ProcessInstance remediation = start();
        changeRecorded(true);

        fire(timer("Event_WideningReviewOverdue"));

        assertThat(remediation)
                .hasPassed("Task_AlertSeniorModerators", "EndEvent_SeniorModeratorsAlerted")
                .isWaitingAt("Task_ReviewWidening");
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskEscalated.class, escalated -> {
            Assertions.assertThat(escalated.caseId()).isEqualTo(caseId);
            Assertions.assertThat(escalated.toGroup()).isEqualTo("SENIOR_MODERATOR");
            Assertions.assertThat(escalated.occurredAt()).isEqualTo(WIDENING_DUE.toInstant());
        });
        Assertions.assertThat(timers("Event_WideningReviewOverdue"))
                .as("alerted once")
                .isEmpty();
    }

    @Test
    void theProcessStartsOncePerCaseOnRemediationOpenedAndAgainAfterItEnded() {
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.PASSED);
        String otherCase = UUID.randomUUID().toString();
        when(remediations.dueTimer(otherCase)).thenReturn(DUE);

        start.on(opened(caseId));
        start.on(opened(caseId));
        start.on(opened(otherCase));

        Assertions.assertThat(instances(caseId))
                .as("a redelivered event starts nothing")
                .isOne();
        Assertions.assertThat(instances(otherCase)).isOne();

        changeRecorded(false);
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));
        Assertions.assertThat(instances(caseId)).isZero();
        start.on(opened(caseId));
        Assertions.assertThat(instances(caseId))
                .as("a remediation reopened after its process ended gets a new one")
                .isOne();
    }

    private ProcessInstance start() {
        start.on(opened(caseId));
        ProcessInstance instance = runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(caseId)
                .singleResult();
        assertThat(instance).isWaitingAt("Task_DescribeRemediation");
        assertThat(task()).hasCandidateGroup("PLATFORM_SERVICE");
        return instance;
    }

    private RemediationOpened opened(String caseId) {
        return new RemediationOpened(
                UUID.randomUUID(), OPENED_AT, caseId, "system", "r-1", "org-platform", DUE.toInstant(), null, null);
    }

    private void changeRecorded(boolean widening) {
        remediationTasks.on(new RemediationChangeRecorded(
                UUID.randomUUID(),
                OPENED_AT,
                caseId,
                "platform",
                "r-1",
                UUID.randomUUID().toString(),
                "filter-2",
                null,
                widening ? List.of("Tiga") : List.of(),
                widening));
    }

    private void wideningDecided(boolean approved) {
        remediationTasks.on(new FilterWideningDecided(
                UUID.randomUUID(),
                OPENED_AT,
                caseId,
                "moderator",
                "r-1",
                "c-1",
                List.of("Tiga"),
                approved,
                approved ? null : "too broad"));
    }

    private void wideningReviewDueTomorrow() {
        when(remediations.wideningReviewDue()).thenReturn(WIDENING_DUE);
        when(remediations.wideningReviewWait()).thenReturn("PT24H");
    }

    private Task ownerTask() {
        return task();
    }

    private long instances(String caseId) {
        return runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(caseId)
                .count();
    }

    private static long jobsAt(String activityId) {
        return BpmnAwareTests.managementService()
                .createJobQuery()
                .activityId(activityId)
                .count();
    }
}
