package dev.takedown.workflow.internal;

import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.ENGINE_CLOCK;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.fire;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.jobAt;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timer;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskEscalated;
import dev.takedown.measures.Enforcements;
import dev.takedown.notices.CaseLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * The enforcement of one command with the real delegates and deadlines (the shipped durations: 15 minutes for a
 * prompt filter, 4 hours for a deletion, three attempts a minute apart and doubling) and mocked module services. The
 * platform's answers arrive as the message the workflow correlates them as; timers are passed by moving Camunda's
 * clock.
 */
@ExtendWith(MockitoExtension.class)
@Deployment(resources = "bpmn/measure-enforcement.bpmn")
class MeasureEnforcementProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String PROCESS = "measure-enforcement";
    private static final Instant SENT_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final EnforcementSettings SETTINGS = new EnforcementSettings(
            Map.of(
                    "default", Duration.ofHours(24),
                    "PROMPT_FILTER", Duration.ofMinutes(15),
                    "DELETE", Duration.ofHours(4)),
            new EnforcementSettings.Retry(3, Duration.ofMinutes(1)));

    @Mock
    Enforcements enforcements;

    @Mock
    CaseLifecycle lifecycle;

    @Mock
    ApplicationEventPublisher publisher;

    private final String caseId = UUID.randomUUID().toString();
    private final String measureId = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SENT_AT));
        Mocks.register("enforcementDeadlines", new EnforcementDeadlines(SETTINGS, ENGINE_CLOCK));
        Mocks.register("sendCommandAgain", new SendCommandAgain(enforcements));
        Mocks.register("recordUnconfirmedEnforcement", new RecordUnconfirmedEnforcement(enforcements, lifecycle));
        Mocks.register("alertCompliance", new AlertCompliance(publisher, ENGINE_CLOCK));
        Mocks.register(
                "reviewDeadlines", new ReviewDeadlines(new ReviewSla(0.8, Duration.ofHours(2), 1), ENGINE_CLOCK));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aConfirmationEndsTheEnforcement() {
        ProcessInstance instance = start("DELETE", 2, false);
        assertThat(instance).isWaitingAt("Event_PlatformAnswered");
        Assertions.assertThat(timer("Event_DeadlinePassed").getDuedate())
                .as("a deletion has 4 hours")
                .isEqualTo(Date.from(SENT_AT.plus(Duration.ofHours(4))));

        answer(2, "ENFORCED", null);

        assertThat(instance).isEnded().hasPassed("EndEvent_Confirmed", "EndEvent_Enforced");
        verify(enforcements, never()).overdue(any(), any(Long.class));
    }

    @Test
    void aPassingFailureIsSentAgainAfterABackOffThatDoublesThenTheConfirmationEndsIt() {
        ProcessInstance instance = start("DELETE", 2, false);
        when(enforcements.requestAgain(measureId, 2)).thenReturn(true);

        answer(2, "FAILED", "TRANSIENT");
        assertThat(instance).isWaitingAt("Event_BackOffElapsed");
        Assertions.assertThat(timer("Event_BackOffElapsed").getDuedate())
                .isEqualTo(Date.from(SENT_AT.plus(Duration.ofMinutes(1))));
        fire(timer("Event_BackOffElapsed"));
        execute(jobAt("Task_SendAgain"));
        assertThat(instance).isWaitingAt("Event_PlatformAnswered").variables().containsEntry("attempts", 2);

        answer(2, "FAILED", "TRANSIENT");
        Assertions.assertThat(timer("Event_BackOffElapsed").getDuedate())
                .as("the second wait is twice the first")
                .isEqualTo(Date.from(SENT_AT.plus(Duration.ofMinutes(1 + 2))));
        fire(timer("Event_BackOffElapsed"));
        execute(jobAt("Task_SendAgain"));

        answer(2, "ENFORCED", null);
        assertThat(instance).isEnded().hasPassed("Gateway_JoinWait", "EndEvent_Confirmed", "EndEvent_Enforced");
        verify(enforcements, org.mockito.Mockito.times(2)).requestAgain(measureId, 2);
    }

    @Test
    void aConfirmationDuringTheBackOffSendsNothingAgain() {
        ProcessInstance instance = start("DELETE", 2, false);
        when(enforcements.confirmed(measureId, 2)).thenReturn(true);

        answer(2, "FAILED", "TRANSIENT");
        fire(timer("Event_BackOffElapsed"));
        execute(jobAt("Task_SendAgain"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Settled", "EndEvent_Enforced");
        verify(enforcements, never()).requestAgain(any(), any(Long.class));
    }

    @Test
    void aPassingFailureWithNoAttemptLeftIsAFailureForGood() {
        ProcessInstance instance = start("DELETE", 2, false);
        when(enforcements.requestAgain(measureId, 2)).thenReturn(true);
        for (int attempt = 1; attempt < 3; attempt++) {
            answer(2, "FAILED", "TRANSIENT");
            fire(timer("Event_BackOffElapsed"));
            execute(jobAt("Task_SendAgain"));
        }

        answer(2, "FAILED", "TRANSIENT");

        assertThat(instance).hasPassed("EndEvent_FailedForGood", "Event_FailedForGood");
        execute(jobAt("Task_RecordUnconfirmed"));
        assertThat(instance).isWaitingAt("Task_ResolveEnforcement");
        verify(enforcements).overdue(measureId, 2);
    }

    /** Not found, already removed, not permitted: a person has it done, and says how, on the case's history. */
    @Test
    void aFailureForGoodBecomesATaskForSeniorsAndCompliance() {
        ProcessInstance instance = start("DELETE", 2, false);

        answer(2, "FAILED", "NOT_FOUND");
        execute(jobAt("Task_RecordUnconfirmed"));

        verify(enforcements).overdue(measureId, 2);
        ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
        verify(lifecycle).note(eq(caseId), eq(TakedownEvent.SYSTEM), note.capture());
        Assertions.assertThat(note.getValue())
                .startsWith("ENFORCEMENT_OVERDUE: DELETE")
                .contains("it failed (NOT_FOUND)");
        assertThat(instance).isWaitingAt("Task_ResolveEnforcement");
        Assertions.assertThat(taskService().getIdentityLinksForTask(task().getId()))
                .extracting(link -> link.getGroupId())
                .containsExactlyInAnyOrder("SENIOR_MODERATOR", "COMPLIANCE_OFFICER");
        Assertions.assertThat(task().getDueDate()).isEqualTo(Date.from(SENT_AT.plus(Duration.ofHours(2))));

        complete(task());
        assertThat(instance).isEnded().hasPassed("EndEvent_Resolved").hasNotPassed("EndEvent_Enforced");
    }

    /** A filter must be in place within minutes; silence past that is a task, and compliance is told when it lapses. */
    @Test
    void silencePastTheDeadlineIsATaskThatEscalatesToCompliance() {
        ProcessInstance instance = start("PROMPT_FILTER", 5, true);
        Assertions.assertThat(timer("Event_DeadlinePassed").getDuedate())
                .as("a filter has 15 minutes")
                .isEqualTo(Date.from(SENT_AT.plus(Duration.ofMinutes(15))));

        fire(timer("Event_DeadlinePassed"));
        execute(jobAt("Task_RecordUnconfirmed"));
        verify(enforcements).overdue(measureId, 5);
        verify(lifecycle)
                .note(eq(caseId), eq(TakedownEvent.SYSTEM), contains("LIFT_OVERDUE: the lift of PROMPT_FILTER"));
        assertThat(instance).isWaitingAt("Task_ResolveEnforcement");

        fire(timer("Event_ResolutionOverdue"));
        execute(jobAt("Task_AlertCompliance"));
        ArgumentCaptor<Object> escalated = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(escalated.capture());
        Assertions.assertThat(escalated.getValue()).isInstanceOfSatisfying(TaskEscalated.class, e -> {
            Assertions.assertThat(e.caseId()).isEqualTo(caseId);
            Assertions.assertThat(e.toGroup()).isEqualTo("COMPLIANCE_OFFICER");
        });
        assertThat(instance).hasPassed("EndEvent_ComplianceAlerted").isWaitingAt("Task_ResolveEnforcement");

        complete(task());
        assertThat(instance).isEnded().hasPassed("EndEvent_Resolved");
    }

    /** An answer names its version: it reaches the instance of that command only. */
    @Test
    void anAnswerToAnotherVersionReachesNoInstance() {
        ProcessInstance instance = start("DELETE", 3, false);

        Assertions.assertThat(answer(2, "ENFORCED", null)).isZero();

        assertThat(instance).isWaitingAt("Event_PlatformAnswered");
    }

    private ProcessInstance start(String type, long version, boolean lift) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("measureId", measureId);
        variables.put("measureType", type);
        variables.put("version", version);
        variables.put("lift", lift);
        variables.put("attempts", 1);
        return runtimeService()
                .startProcessInstanceByKey(PROCESS, EnforcementVariables.businessKey(measureId, version), variables);
    }

    /** As EnforcementProcesses correlates a recorded answer; returns how many instances took it. */
    private int answer(long version, String outcome, String failure) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("outcome", outcome);
        variables.put("failure", failure);
        List<?> correlated = runtimeService()
                .createMessageCorrelation(EnforcementVariables.MESSAGE)
                .processInstanceBusinessKey(EnforcementVariables.businessKey(measureId, version))
                .setVariables(variables)
                .correlateAllWithResult();
        return correlated.size();
    }
}
