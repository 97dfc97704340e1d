package dev.takedown.workflow.internal;

import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.fire;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.jobAt;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.registerBeans;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.registerRemediationBeans;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timer;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timers;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.NoticeCases;
import dev.takedown.remediation.Remediations;
import dev.takedown.remediation.VerificationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
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
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The model-remediation process with the real delegates; the remediation service (replay results, the owner's
 * changes) is mocked. One test per path: verified at once, failed then verified, a replay not yet run, overdue, withdrawn.
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

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(OPENED_AT));
        registerBeans(noticeCases, lifecycle, measures, publisher, null);
        registerRemediationBeans(remediations, lifecycle);
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

        complete(owner);
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));

        assertThat(remediation)
                .hasPassedInOrder(
                        "Task_DescribeRemediation",
                        "Task_VerifyRemediation",
                        "Gateway_VerificationPassed",
                        "EndEvent_Verified",
                        "Task_ReportRemedied",
                        "EndEvent_ModelRemedied")
                .hasNotPassed("Event_AwaitReplay", "Task_EscalateRemediation")
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

        complete(ownerTask());
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).hasPassed("Gateway_VerificationPassed").isWaitingAt("Task_DescribeRemediation");
        Assertions.assertThat(ownerTask().getDueDate())
                .as("the due date does not move")
                .isEqualTo(DUE);

        complete(ownerTask());
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

        complete(ownerTask());
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).isWaitingAt("Event_AwaitReplay");
        Assertions.assertThat(timer("Event_AwaitReplay").getDuedate()).isEqualTo(Date.from(OPENED_AT.plusSeconds(5)));
        fire(timer("Event_AwaitReplay"));
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));

        assertThat(remediation)
                .hasPassedInOrder(
                        "Task_VerifyRemediation", "Event_AwaitReplay", "Task_VerifyRemediation", "EndEvent_Verified")
                .isEnded();
    }

    @Test
    void overdueRemediationAlertsComplianceWhileTheOwnerKeepsTheTask() {
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.NO_REPLAY_SUITE, VerificationOutcome.PASSED);
        ProcessInstance remediation = start();
        complete(ownerTask());
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).as("nothing could verify the change").isWaitingAt("Task_DescribeRemediation");

        fire(timer("Event_RemediationOverdue"));

        assertThat(remediation)
                .hasPassed("Task_EscalateRemediation", "EndEvent_Escalated")
                .isWaitingAt("Task_DescribeRemediation");
        verify(remediations).escalate(caseId);
        Assertions.assertThat(timers("Event_RemediationOverdue"))
                .as("alerted once")
                .isEmpty();

        complete(ownerTask());
        execute(jobAt("Task_VerifyRemediation"));
        execute(jobAt("Task_ReportRemedied"));
        assertThat(remediation).hasPassed("EndEvent_ModelRemedied").isEnded();
    }

    @Test
    void everyMeasureLiftedWithdrawsTheRemediationWhereverItStands() {
        when(remediations.verify(caseId)).thenReturn(VerificationOutcome.PENDING);
        when(remediations.replayWait()).thenReturn("PT5S");
        ProcessInstance remediation = start();
        complete(ownerTask());
        execute(jobAt("Task_VerifyRemediation"));
        assertThat(remediation).isWaitingAt("Event_AwaitReplay");

        runtimeService()
                .createMessageCorrelation(ModelRemediation.WITHDRAWN_MESSAGE)
                .processInstanceBusinessKey(caseId)
                .correlateAllWithResult();

        assertThat(remediation)
                .hasPassed("Event_MeasuresLifted", "EndEvent_Withdrawn")
                .hasNotPassed("EndEvent_Verified", "Task_ReportRemedied", "Task_EscalateRemediation")
                .isEnded();
        Assertions.assertThat(timers("Event_RemediationOverdue"))
                .as("nothing left to be overdue")
                .isEmpty();
    }

    private ProcessInstance start() {
        ProcessInstance instance =
                runtimeService().startProcessInstanceByKey(PROCESS, caseId, Map.of("caseId", caseId));
        assertThat(instance).isWaitingAt("Task_DescribeRemediation");
        assertThat(task()).hasCandidateGroup("PLATFORM_SERVICE");
        return instance;
    }

    private Task ownerTask() {
        return task();
    }
}
