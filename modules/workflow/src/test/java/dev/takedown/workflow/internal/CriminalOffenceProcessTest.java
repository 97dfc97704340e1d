package dev.takedown.workflow.internal;

import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.fire;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.registerBeans;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timer;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timers;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.takedown.events.CriminalOffenceFlagged;
import dev.takedown.events.TaskReminderDue;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.NoticeCases;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
 * DSA Art. 18 on Camunda's clock: a flagged suspicion becomes a task in the compliance officers' queue, due within the
 * seniors' time, that stays theirs after a one-time reminder when it lapses; a redelivered flag starts nothing more.
 */
@ExtendWith(MockitoExtension.class)
@Deployment(resources = "bpmn/criminal-offence.bpmn")
class CriminalOffenceProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final Instant FLAGGED_AT = Instant.parse("2025-10-20T08:00:00Z");

    @Mock
    NoticeCases noticeCases;

    @Mock
    CaseLifecycle lifecycle;

    @Mock
    Measures measures;

    @Mock
    ApplicationEventPublisher publisher;

    private final String caseId = UUID.randomUUID().toString();
    private final CriminalOffenceFlagged flag =
            new CriminalOffenceFlagged(UUID.randomUUID(), FLAGGED_AT, caseId, "moderator", "a threat to a person");

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(FLAGGED_AT));
        registerBeans(noticeCases, lifecycle, measures, publisher, null);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aFlagAsksComplianceToInformTheAuthorityOnceAndTheRecordEndsIt() {
        CriminalOffenceProcesses starter = starter();
        starter.on(flag);
        starter.on(flag);

        Assertions.assertThat(runtimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey("criminal-offence")
                        .processInstanceBusinessKey(caseId)
                        .count())
                .as("a redelivered flag starts no second process")
                .isOne();
        ProcessInstance instance = instance();
        assertThat(instance).isWaitingAt("Task_NotifyAuthority");
        Task task = task(instance);
        Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("COMPLIANCE_OFFICER");
        Assertions.assertThat(task.getDueDate().toInstant())
                .as("the seniors' time of the process tests' SLA")
                .isEqualTo(FLAGGED_AT.plus(Duration.ofHours(2)));
        Assertions.assertThat(taskService().getVariable(task.getId(), "flagId"))
                .isEqualTo(flag.eventId().toString());

        complete(task);

        assertThat(instance).hasPassed("EndEvent_AuthorityNotified").isEnded();
        Assertions.assertThat(timers("Event_NotificationOverdue")).isEmpty();
        verifyNoInteractions(publisher);
    }

    @Test
    void aLapsedTaskRemindsComplianceOnceAndStaysTheirs() {
        starter().on(flag);
        ProcessInstance instance = instance();

        fire(timer("Event_NotificationOverdue"));

        assertThat(instance).hasPassed("Task_RemindCompliance", "EndEvent_ComplianceReminded");
        assertThat(instance).isWaitingAt("Task_NotifyAuthority");
        ArgumentCaptor<TaskReminderDue> reminder = ArgumentCaptor.forClass(TaskReminderDue.class);
        verify(publisher).publishEvent(reminder.capture());
        Assertions.assertThat(reminder.getValue().caseId()).isEqualTo(caseId);

        complete(task(instance));
        assertThat(instance).hasPassed("EndEvent_AuthorityNotified").isEnded();
    }

    private CriminalOffenceProcesses starter() {
        return new CriminalOffenceProcesses(runtimeService(), BpmnAwareTests.historyService());
    }

    private ProcessInstance instance() {
        return runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("criminal-offence")
                .processInstanceBusinessKey(caseId)
                .singleResult();
    }
}
