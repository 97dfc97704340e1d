package dev.takedown.workflow.internal;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.takedown.events.TaskEscalated;
import dev.takedown.events.TaskReminderDue;
import dev.takedown.measures.Measures;
import dev.takedown.notices.FieldProblem;
import dev.takedown.notices.NoticeCases;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.Assertions;
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
 * The notice lifecycle on an in-memory engine with the real delegates and mocked module services: one test per path
 * through the model; together they cover every flow node and sequence flow (the coverage extension fails the class
 * below 100 %).
 */
@ExtendWith(MockitoExtension.class)
@Deployment(resources = "bpmn/notice-lifecycle.bpmn")
class NoticeLifecycleProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
            .builder("camunda-unit.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String PROCESS = "notice-lifecycle";
    private static final Duration DUE = Duration.ofHours(24);
    private static final Duration REMINDER = Duration.ofHours(20);
    private static final Duration ESCALATION = Duration.ofHours(24);
    private static final Duration SENIOR_DUE = Duration.ofHours(2);
    /** Generous: covers the time between taking the reference instant and the engine evaluating the expression. */
    private static final long TOLERANCE_MS = Duration.ofMinutes(1).toMillis();

    @Mock
    NoticeCases noticeCases;
    @Mock
    Measures measures;
    @Mock
    ApplicationEventPublisher publisher;

    private final String caseId = UUID.randomUUID().toString();

    @BeforeEach
    void registerDelegates() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        Mocks.register("validateNotice", new ValidateNotice(noticeCases));
        Mocks.register("closeIncomplete", new CloseIncomplete(noticeCases));
        Mocks.register("sendReviewReminder", new SendReviewReminder(publisher));
        Mocks.register("recordEscalation", new RecordEscalation(noticeCases, publisher));
        Mocks.register("applyMeasures", new ApplyMeasures(measures, noticeCases));
        Mocks.register("notifyParties", new NotifyParties(noticeCases));
        Mocks.register("reviewSla", new ReviewDeadlines(new ReviewSla(DUE, REMINDER, ESCALATION, SENIOR_DUE),
                Optional.empty()));
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void incompleteNoticeIsClosedWithoutReview() {
        List<FieldProblem> problems = List.of(new FieldProblem("targets[0].url", "is required"));
        when(noticeCases.problems(caseId)).thenReturn(problems);

        ProcessInstance processInstance = start();
        assertThat(processInstance).isWaitingAt("Task_ValidateNotice");
        execute(job());

        assertThat(processInstance)
                .hasPassed("Task_ValidateNotice", "Gateway_NoticeComplete", "Task_CloseIncomplete",
                        "EndEvent_NoticeIncomplete")
                .hasNotPassed("Task_ReviewNotice", "Task_NotifyParties", "EndEvent_CaseClosed")
                .isEnded();
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstance.getId()).variableName("complete").singleResult().getValue())
                .isEqualTo(false);
        verify(noticeCases).closeIncomplete(caseId, problems);
        verify(noticeCases, never()).startReview(anyString());
        verify(noticeCases, never()).notifyPartiesAndClose(anyString());
        verifyNoInteractions(measures, publisher);
    }

    @Test
    void acceptedNoticeHasMeasuresAppliedAndPartiesNotified() {
        when(measures.applyPlanned(caseId)).thenReturn(2);

        ProcessInstance processInstance = startAndValidate();

        Task review = task();
        assertThat(review).hasDefinitionKey("Task_ReviewNotice").hasCandidateGroup("MODERATOR").isNotAssigned();
        Assertions.assertThat(review.getPriority()).isEqualTo(50);
        complete(review, decision(true));

        assertThat(processInstance).isWaitingAt("Task_ApplyMeasures");
        execute(job());
        assertThat(processInstance).isWaitingAt("Task_NotifyParties");
        execute(job());

        assertThat(processInstance)
                .hasPassed("Task_ValidateNotice", "Task_ReviewNotice", "Gateway_NoticeAccepted", "Task_ApplyMeasures",
                        "Gateway_DecisionMerge", "Task_NotifyParties", "EndEvent_CaseClosed")
                .hasNotPassed("Task_CloseIncomplete", "Task_SendReviewReminder", "Task_RecordEscalation",
                        "Task_ReviewEscalated")
                .isEnded();
        InOrder lifecycle = inOrder(noticeCases, measures);
        lifecycle.verify(noticeCases).startReview(caseId);
        lifecycle.verify(measures).applyPlanned(caseId);
        lifecycle.verify(noticeCases).recordMeasuresApplied(caseId, 2);
        lifecycle.verify(noticeCases).notifyPartiesAndClose(caseId);
        verify(noticeCases, never()).closeIncomplete(anyString(), anyList());
        verifyNoInteractions(publisher);
    }

    @Test
    void rejectedNoticeAppliesNoMeasuresButNotifiesParties() {
        ProcessInstance processInstance = startAndValidate();

        complete(task(), decision(false));

        assertThat(processInstance).isWaitingAt("Task_NotifyParties");
        execute(job());

        assertThat(processInstance)
                .hasPassed("Task_ReviewNotice", "Gateway_NoticeAccepted", "Gateway_DecisionMerge",
                        "Task_NotifyParties", "EndEvent_CaseClosed")
                .hasNotPassed("Task_ApplyMeasures", "Task_CloseIncomplete", "Task_RecordEscalation")
                .isEnded();
        verify(noticeCases).startReview(caseId);
        verify(noticeCases).notifyPartiesAndClose(caseId);
        verify(noticeCases, never()).recordMeasuresApplied(anyString(), anyInt());
        verifyNoInteractions(measures, publisher);
    }

    @Test
    void reminderFiresWhileTheReviewStaysOpen() {
        Instant validatedAt = Instant.now();
        ProcessInstance processInstance = startAndValidate();

        Task review = task();
        Assertions.assertThat(review.getDueDate()).isCloseTo(Date.from(validatedAt.plus(DUE)), TOLERANCE_MS);
        Job reminder = timer(processInstance, "Event_ReviewReminder");
        Assertions.assertThat(reminder.getDuedate()).isCloseTo(Date.from(validatedAt.plus(REMINDER)), TOLERANCE_MS);

        execute(reminder);

        assertThat(processInstance)
                .hasPassed("Event_ReviewReminder", "Task_SendReviewReminder", "EndEvent_ReminderSent")
                .hasNotPassed("Task_RecordEscalation")
                .isWaitingAt("Task_ReviewNotice");
        assertThat(task()).hasId(review.getId()).hasCandidateGroup("MODERATOR");
        Assertions.assertThat(timerJobs(processInstance, "Event_ReviewOverdue")).hasSize(1);
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskReminderDue.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.actor()).isEqualTo("system");
        });

        complete(review, decision(true));
        assertThat(processInstance).isWaitingAt("Task_ApplyMeasures");
        execute(job());
        execute(job());

        assertThat(processInstance)
                .hasPassed("Task_ReviewNotice", "Task_ApplyMeasures", "Task_NotifyParties", "EndEvent_CaseClosed")
                .isEnded();
        Assertions.assertThat(timerJobs(processInstance, "Event_ReviewOverdue")).isEmpty();
        verify(noticeCases, never()).recordEscalation(anyString(), anyString());
        verify(measures).applyPlanned(caseId);
        verify(noticeCases).notifyPartiesAndClose(caseId);
    }

    @Test
    void overdueReviewIsEscalatedToSeniorModeratorsWhoDecide() {
        when(measures.applyPlanned(caseId)).thenReturn(1);
        Instant validatedAt = Instant.now();
        ProcessInstance processInstance = startAndValidate();

        Job overdue = timer(processInstance, "Event_ReviewOverdue");
        Assertions.assertThat(overdue.getDuedate())
                .isCloseTo(Date.from(validatedAt.plus(ESCALATION)), TOLERANCE_MS);

        Instant escalatedAt = Instant.now();
        execute(overdue);

        assertThat(processInstance)
                .hasPassed("Event_ReviewOverdue", "Task_RecordEscalation")
                .hasNotPassed("Task_SendReviewReminder")
                .isWaitingAt("Task_ReviewEscalated");
        Task seniorReview = task();
        assertThat(seniorReview).hasDefinitionKey("Task_ReviewEscalated").hasCandidateGroup("SENIOR_MODERATOR")
                .isNotAssigned();
        Assertions.assertThat(seniorReview.getPriority()).isEqualTo(80);
        Assertions.assertThat(seniorReview.getDueDate())
                .isCloseTo(Date.from(escalatedAt.plus(SENIOR_DUE)), TOLERANCE_MS);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(processInstance.getId())
                .taskCandidateGroup("MODERATOR").count()).isZero();
        Assertions.assertThat(timerJobs(processInstance, "Event_ReviewReminder")).isEmpty();
        verify(noticeCases).recordEscalation(caseId, "SENIOR_MODERATOR");
        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(publisher).publishEvent(published.capture());
        Assertions.assertThat(published.getValue()).isInstanceOfSatisfying(TaskEscalated.class, event -> {
            Assertions.assertThat(event.caseId()).isEqualTo(caseId);
            Assertions.assertThat(event.toGroup()).isEqualTo("SENIOR_MODERATOR");
        });

        complete(seniorReview, decision(true));
        assertThat(processInstance).isWaitingAt("Task_ApplyMeasures");
        execute(job());
        assertThat(processInstance).isWaitingAt("Task_NotifyParties");
        execute(job());

        assertThat(processInstance)
                .hasPassed("Task_ReviewEscalated", "Gateway_NoticeAccepted", "Task_ApplyMeasures",
                        "Gateway_DecisionMerge", "Task_NotifyParties", "EndEvent_CaseClosed")
                .isEnded();
        verify(measures).applyPlanned(caseId);
        verify(noticeCases).recordMeasuresApplied(caseId, 1);
        verify(noticeCases).notifyPartiesAndClose(caseId);
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PROCESS, caseId, Map.of("caseId", caseId));
    }

    /** Starts the process for a complete notice and runs validation, leaving it at the moderators' review. */
    private ProcessInstance startAndValidate() {
        ProcessInstance processInstance = start();
        assertThat(processInstance).isWaitingAt("Task_ValidateNotice");
        execute(job());
        assertThat(processInstance)
                .hasPassed("Task_ValidateNotice", "Gateway_NoticeComplete")
                .isWaitingAt("Task_ReviewNotice")
                .variables().containsEntry("complete", true);
        return processInstance;
    }

    private static Map<String, Object> decision(boolean accepted) {
        return withVariables("accepted", accepted, "decisionId", UUID.randomUUID().toString());
    }

    private static Job timer(ProcessInstance processInstance, String activityId) {
        List<Job> jobs = timerJobs(processInstance, activityId);
        Assertions.assertThat(jobs).as("timer jobs of %s", activityId).hasSize(1);
        return jobs.get(0);
    }

    private static List<Job> timerJobs(ProcessInstance processInstance, String activityId) {
        return managementService().createJobQuery().processInstanceId(processInstance.getId()).timers()
                .activityId(activityId).list();
    }
}
