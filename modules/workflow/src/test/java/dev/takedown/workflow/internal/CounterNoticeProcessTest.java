package dev.takedown.workflow.internal;

import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.calendarsFromConfig;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.fire;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.jobAt;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.registerBeans;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timer;
import static dev.takedown.workflow.internal.NoticeLifecycleProcessTest.timers;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.takedown.events.LiftCause;
import dev.takedown.events.TaskReminderDue;
import dev.takedown.measures.Enforcements;
import dev.takedown.measures.Measures;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.Deadline;
import dev.takedown.notices.DeadlineKind;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.Party;
import dev.takedown.notices.ProceedingsOutcome;
import dev.takedown.notices.ProfilePolicies;
import dev.takedown.workflow.calendar.StatutoryCalendars;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The counter-notice process with the real delegates, the real {@link CaseDeadlines} on the real statutory calendars
 * (config/holidays-cn.yml, US federal holidays) and mocked module services. The statutory wait is asserted to the
 * instant, for each legal family, and passed by moving Camunda's clock.
 */
@ExtendWith(MockitoExtension.class)
@Deployment(resources = "bpmn/counter-notice.bpmn")
class CounterNoticeProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String PROCESS = "counter-notice";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NOTICE_RECEIVED_AT = Instant.parse("2025-09-01T01:00:00Z");
    private static final Instant NOTIFIED_AT = Instant.parse("2025-09-02T01:00:00Z");
    /** When the platform confirms the last lift, by its clock. */
    private static final Instant RESTORED_AT = Instant.parse("2026-07-01T00:00:03Z");

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

    @BeforeAll
    static void readTheConfiguredCalendars() {
        calendars = calendarsFromConfig();
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(ENGINE.getProcessEngine());
        registerBeans(noticeCases, lifecycle, measures, publisher, calendars, enforcements);
        lenient().when(enforcements.restoredAt(caseId)).thenReturn(Optional.of(RESTORED_AT));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    /**
     * CN: 15 days from the day after delivery, a last day on a rest day rolling to the next working day, ending at
     * 24:00 (Civil Code 201, 203). US: at the end of the 10th business day after receipt (512(g)(2)(C)), federal
     * holidays skipped.
     */
    @ParameterizedTest(name = "{0}: counter-notice at {1} -> restored at {3}")
    @CsvSource({
        // day 15 is Sun Oct 5, inside the National Day holiday (Oct 1–8): the last day is Thu Oct 9
        "CN_CC_1195, 2025-09-20T10:00+08:00, 15, 2025-10-10T00:00+08:00",
        // day 15 is Sun Nov 16: the last day is Mon Nov 17
        "CN_ECOM,    2025-11-01T15:00+08:00, 15, 2025-11-18T00:00+08:00",
        // Thu Nov 20; Thanksgiving (Nov 27) does not count: business day 10 is Fri Dec 5, restored at its end
        "US_DMCA,    2025-11-20T10:00-05:00, 10, 2025-12-06T00:00-05:00",
        // Christmas and New Year's Day do not count: business day 10 is Tue Jan 6, restored at its end
        "US_DMCA,    2025-12-19T16:00-05:00, 10, 2026-01-07T00:00-05:00",
    })
    void withoutProofOfProceedingsTheContentIsRestoredWhenTheStatutoryWaitIsOver(
            JurisdictionProfile profile, OffsetDateTime filedAt, int waitDays, OffsetDateTime expectedRestoreAt) {
        when(measures.liftAll(eq(caseId), anyString(), any(), anyString())).thenReturn(1);
        ClockUtil.setCurrentTime(Date.from(filedAt.toInstant()));
        stubTimers(
                profile,
                new ProfilePolicies.Policy(
                        true, Duration.ofDays(14), waitDays, waitDays == 10 ? 14 : null, false, Period.ofMonths(6)),
                1,
                filedAt.toInstant());

        ProcessInstance processInstance = startAndForward();

        assertThat(processInstance).hasPassed("Gateway_RestoreImmediately").isWaitingAt("Gateway_AwaitLegalAction");
        Job wait = timer("Event_StatutoryWaitOver");
        Assertions.assertThat(wait.getDuedate())
                .isEqualTo(Date.from(expectedRestoreAt.toInstant()))
                .isEqualTo(Date.from(calendarResult(profile, filedAt.toInstant(), waitDays)));
        fire(wait);
        assertThat(processInstance).isWaitingAt("Task_RestoreContent");
        execute(jobAt("Task_RestoreContent"));
        confirmLifts();

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ForwardCounterNotice",
                        "Gateway_RestoreImmediately",
                        "Gateway_AwaitLegalAction",
                        "Event_StatutoryWaitOver",
                        "Gateway_Restore",
                        "Task_RestoreContent",
                        "Gateway_LiftsConfirmed",
                        "Event_LiftsEnforced",
                        "Task_NotifyRestored",
                        "EndEvent_ContentRestored")
                .hasNotPassed("Event_LegalActionProofFiled", "Task_MaintainMeasures")
                .isEnded();
        InOrder order = inOrder(lifecycle, measures);
        order.verify(lifecycle).forwardCounterNotice(eq(caseId), any(), any());
        order.verify(measures).liftAll(caseId, "system", LiftCause.COUNTER_NOTICE, "restored after counter-notice");
        order.verify(lifecycle).restore(caseId, RESTORED_AT);
        verify(lifecycle, never()).maintainPendingProceedings(anyString());
        verifyNoInteractions(publisher);
    }

    /**
     * US: restored after the end of business day 10 after receipt and no later than business day 14 (17 U.S.C.
     * 512(g)(2)(C)), federal holidays not counted. Until day 10 a lift by hand is refused; a restore the platform has
     * not confirmed by the end of day 14 goes to compliance, and both sides are told once the platform confirms it.
     */
    @ParameterizedTest(name = "received {0}: restore from {1}, overdue at {2}")
    @CsvSource({
        // Thanksgiving (Nov 27) does not count: day 10 is Fri Dec 5, day 14 Thu Dec 11
        "2025-11-20T10:00-05:00, 2025-12-06T00:00-05:00, 2025-12-12T00:00-05:00",
        // Christmas and New Year's Day do not count: day 10 is Tue Jan 6, day 14 Mon Jan 12
        "2025-12-19T16:00-05:00, 2026-01-07T00:00-05:00, 2026-01-13T00:00-05:00",
        // received on a Saturday: day 1 is Monday; Memorial Day (May 25) does not count: day 10 is Mon Jun 1, day 14
        // Fri Jun 5
        "2026-05-16T12:00-04:00, 2026-06-02T00:00-04:00, 2026-06-06T00:00-04:00",
    })
    void usRestoreComesAfterBusinessDayTenAndAnOverdueOneGoesToComplianceAtDayFourteen(
            OffsetDateTime receivedAt, OffsetDateTime restoreFrom, OffsetDateTime overdueAt) {
        when(measures.liftAll(eq(caseId), anyString(), any(), anyString())).thenReturn(1);
        ClockUtil.setCurrentTime(Date.from(receivedAt.toInstant()));
        stubTimers(
                JurisdictionProfile.US_DMCA,
                new ProfilePolicies.Policy(true, Duration.ofDays(14), 10, 14, false, Period.ofMonths(6)),
                1,
                receivedAt.toInstant());
        CounterNoticeLiftGuard guard = new CounterNoticeLiftGuard(noticeCases, runtimeService(), managementService());

        EngineDeadlines running = new EngineDeadlines(
                runtimeService(),
                managementService(),
                taskService(),
                noticeCases,
                new CaseDeadlines(noticeCases, calendars, NoticeLifecycleProcessTest.ENGINE_CLOCK));

        ProcessInstance processInstance = startAndForward();
        Job wait = timer("Event_StatutoryWaitOver");
        Assertions.assertThat(wait.getDuedate()).isEqualTo(Date.from(restoreFrom.toInstant()));
        Assertions.assertThat(running.of(caseId))
                .as("both dates are visible while the case waits for day 10")
                .extracting(Deadline::name, Deadline::at, Deadline::party)
                .containsExactly(
                        tuple(DeadlineKind.RESTORE_WINDOW_OPENS, restoreFrom.toInstant(), Party.NOTIFIER),
                        tuple(DeadlineKind.RESTORE_DEADLINE, overdueAt.toInstant(), Party.PLATFORM));
        Assertions.assertThat(running.of(caseId).get(0).calendar()).contains("US federal business days");
        Assertions.assertThat(guard.refusal(caseId))
                .as("a lift by hand before business day 10")
                .hasValueSatisfying(refusal -> Assertions.assertThat(refusal).contains("512(g)(2)(C)"));

        fire(wait);
        assertThat(processInstance).isWaitingAt("Task_RestoreContent");
        Assertions.assertThat(guard.refusal(caseId))
                .as("from business day 10 on")
                .isEmpty();
        Job overdue = timer("Event_RestoreOverdue");
        Assertions.assertThat(overdue.getDuedate()).isEqualTo(Date.from(overdueAt.toInstant()));

        // the lifts are sent, and the platform does not confirm them until after the end of day 14
        execute(jobAt("Task_RestoreContent"));
        assertThat(processInstance).hasPassed("Gateway_LiftsConfirmed").isWaitingAt("Event_LiftsEnforced");
        fire(overdue);
        Task resolve = taskService()
                .createTaskQuery()
                .taskCandidateGroup("COMPLIANCE_OFFICER")
                .singleResult();
        Assertions.assertThat(running.of(caseId))
                .extracting(Deadline::name)
                .as("past day 14 the compliance task carries the deadline")
                .containsExactly(DeadlineKind.RESTORE_DEADLINE);
        Assertions.assertThat(resolve.getTaskDefinitionKey()).isEqualTo("Task_ResolveRestore");
        Instant complianceDue = overdueAt.toInstant().plus(Duration.ofHours(2));
        Assertions.assertThat(resolve.getDueDate())
                .as("compliance has the seniors' time to have it done")
                .isEqualTo(Date.from(complianceDue));
        assertThat(processInstance).isWaitingAt("Event_LiftsEnforced", "Task_ResolveRestore");

        // compliance lets its task lapse too: its dashboards are reminded, the task stays
        fire(timer("Event_ResolveRestoreOverdue"));
        assertThat(processInstance)
                .hasPassed("Task_RemindCompliance", "EndEvent_ComplianceReminded")
                .isWaitingAt("Event_LiftsEnforced", "Task_ResolveRestore");
        verify(publisher).publishEvent(any(TaskReminderDue.class));
        verify(lifecycle, never()).restore(anyString(), any());

        confirmLifts();
        complete(resolve);

        assertThat(processInstance)
                .hasPassed("Task_NotifyRestored", "EndEvent_ContentRestored", "Task_ResolveRestore")
                .isEnded();
        verify(lifecycle).restore(caseId, RESTORED_AT);
    }

    @Test
    void aRestoreDoneInTimeLeavesComplianceNothing() {
        Instant receivedAt = OffsetDateTime.parse("2026-05-16T12:00-04:00").toInstant();
        when(measures.liftAll(eq(caseId), anyString(), any(), anyString())).thenReturn(1);
        ClockUtil.setCurrentTime(Date.from(receivedAt));
        stubTimers(
                JurisdictionProfile.US_DMCA,
                new ProfilePolicies.Policy(true, Duration.ofDays(14), 10, 14, false, Period.ofMonths(6)),
                1,
                receivedAt);

        ProcessInstance processInstance = startAndForward();
        fire(timer("Event_StatutoryWaitOver"));
        // the platform confirmed the lifts before the process looked (the measures were lifted by hand, say)
        when(enforcements.restorationConfirmed(caseId)).thenReturn(true);
        execute(jobAt("Task_RestoreContent"));
        execute(jobAt("Task_NotifyRestored"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_RestoreContent",
                        "Gateway_LiftsConfirmed",
                        "Gateway_RestorationConfirmed",
                        "Task_NotifyRestored")
                .hasNotPassed("Event_LiftsEnforced", "Event_RestoreOverdue")
                .isEnded();
        verify(lifecycle).restore(caseId, RESTORED_AT);
        Assertions.assertThat(timers("Event_RestoreOverdue")).isEmpty();
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void theRightsHoldersRetractionDuringTheWaitLiftsTheMeasures() {
        Instant receivedAt = OffsetDateTime.parse("2025-11-20T10:00-05:00").toInstant();
        when(measures.liftAll(eq(caseId), anyString(), any(), anyString())).thenReturn(1);
        ClockUtil.setCurrentTime(Date.from(receivedAt));
        stubTimers(
                JurisdictionProfile.US_DMCA,
                new ProfilePolicies.Policy(true, Duration.ofDays(14), 10, 14, false, Period.ofMonths(6)),
                1,
                receivedAt);
        ProcessInstance processInstance = startAndForward();

        runtimeService()
                .createMessageCorrelation("NoticeRetracted")
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();
        assertThat(processInstance)
                .as("both sides are told once the platform confirms the lifts")
                .isWaitingAt("Event_RetractionLiftsEnforced");
        verify(lifecycle, never()).recordRetracted(anyString(), any());
        runtimeService()
                .createMessageCorrelation(CaseMessages.CASE_LIFTS_ENFORCED)
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();
        execute(jobAt("Task_NotifyRetracted"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Event_RetractedDuringWait",
                        "Task_LiftOnRetraction",
                        "Gateway_RetractionLiftsConfirmed",
                        "Event_RetractionLiftsEnforced",
                        "Task_NotifyRetracted",
                        "EndEvent_Retracted")
                .hasNotPassed("Event_StatutoryWaitOver", "Task_RestoreContent")
                .isEnded();
        Assertions.assertThat(timers("Event_StatutoryWaitOver")).isEmpty();
        InOrder order = inOrder(measures, lifecycle);
        order.verify(measures).liftAll(caseId, "system", LiftCause.RETRACTION, "notice retracted by the rights holder");
        order.verify(lifecycle).recordRetracted(caseId, RESTORED_AT);
    }

    @Test
    void demoTimeCompressionShortensTheRemainingWaitNotTheRule() {
        Instant deliveredAt = OffsetDateTime.parse("2025-09-20T10:00+08:00").toInstant();
        Instant legalEnd = OffsetDateTime.parse("2025-10-10T00:00+08:00").toInstant();
        ClockUtil.setCurrentTime(Date.from(deliveredAt));
        stubTimers(
                JurisdictionProfile.CN_CC_1195,
                new ProfilePolicies.Policy(true, null, 15, null, false, null),
                10,
                deliveredAt);

        startAndForward();

        Assertions.assertThat(timer("Event_StatutoryWaitOver").getDuedate())
                .isEqualTo(Date.from(
                        deliveredAt.plus(Duration.between(deliveredAt, legalEnd).dividedBy(10))));
    }

    @Test
    void proofOfProceedingsMaintainsTheMeasuresUntilTheyEnd() {
        ProcessInstance processInstance = maintainedPendingProceedings();

        assertThat(processInstance)
                .hasPassedInOrder("Gateway_AwaitLegalAction", "Event_LegalActionProofFiled", "Task_MaintainMeasures")
                .hasNotPassed("Event_StatutoryWaitOver", "Task_RestoreContent")
                .isWaitingAt("Event_ProceedingsConcluded");
        Assertions.assertThat(timers("Event_StatutoryWaitOver")).isEmpty();
        verify(lifecycle).forwardCounterNotice(caseId, null, null);
        verify(lifecycle).maintainPendingProceedings(caseId);
        verify(lifecycle, never()).restore(anyString(), any());
        verifyNoInteractions(measures, publisher);
    }

    @Test
    void proceedingsThatUpholdTheNoticeCloseTheCaseWithTheMeasureInPlace() {
        ProcessInstance processInstance = maintainedPendingProceedings();

        concludeProceedings("UPHELD", "(2025) Jing 0491 Min Chu 123");

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Event_ProceedingsConcluded",
                        "Gateway_ProceedingsOutcome",
                        "Task_CloseUpheld",
                        "EndEvent_MeasuresUpheld")
                .hasNotPassed("Task_RestoreAfterProceedings")
                .isEnded();
        verify(lifecycle).closeUpheldByProceedings(caseId, "(2025) Jing 0491 Min Chu 123");
        verifyNoInteractions(measures);
    }

    /**
     * Both sides learn that the content is back only when the platform confirms the lifts, whether its confirmation
     * comes after the process looked or before.
     */
    @ParameterizedTest(name = "{0}, confirmed before the process looked: {1}")
    @CsvSource({"DISMISSED, false", "WITHDRAWN, true"})
    void proceedingsThatFailOrAreWithdrawnRestoreTheContent(ProceedingsOutcome outcome, boolean confirmedBefore) {
        when(measures.liftAll(eq(caseId), anyString(), any(), anyString())).thenReturn(1);
        ProcessInstance processInstance = maintainedPendingProceedings();

        concludeProceedings(outcome.name(), "judgment 42");
        assertThat(processInstance).isWaitingAt("Task_RestoreAfterProceedings");
        if (confirmedBefore) {
            when(enforcements.restorationConfirmed(caseId)).thenReturn(true);
        }
        execute(jobAt("Task_RestoreAfterProceedings"));
        if (!confirmedBefore) {
            assertThat(processInstance).isWaitingAt("Event_ProceedingsLiftsEnforced");
            verify(lifecycle, never()).restoreAfterProceedings(anyString(), any(), anyString(), any());
            runtimeService()
                    .createMessageCorrelation(CaseMessages.CASE_LIFTS_ENFORCED)
                    .processInstanceBusinessKey(caseId)
                    .correlateWithResult();
        }
        execute(jobAt("Task_NotifyRestoredAfterProceedings"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_ProceedingsOutcome",
                        "Task_RestoreAfterProceedings",
                        "Gateway_ProceedingsLiftsConfirmed",
                        confirmedBefore ? "Gateway_ProceedingsRestorationConfirmed" : "Event_ProceedingsLiftsEnforced",
                        "Task_NotifyRestoredAfterProceedings",
                        "EndEvent_RestoredAfterProceedings")
                .hasNotPassed("Task_CloseUpheld")
                .isEnded();
        InOrder order = inOrder(measures, lifecycle);
        order.verify(measures)
                .liftAll(
                        caseId,
                        "system",
                        LiftCause.PROCEEDINGS,
                        "proceedings " + outcome.name().toLowerCase(Locale.ROOT));
        order.verify(lifecycle).restoreAfterProceedings(caseId, outcome, "judgment 42", RESTORED_AT);
        verify(lifecycle, never()).closeUpheldByProceedings(anyString(), anyString());
    }

    /** CN: the rights holder proves a lawsuit on day 10 of the 15. */
    private ProcessInstance maintainedPendingProceedings() {
        Instant deliveredAt = OffsetDateTime.parse("2025-09-20T10:00+08:00").toInstant();
        ClockUtil.setCurrentTime(Date.from(deliveredAt));
        stubTimers(
                JurisdictionProfile.CN_CC_1195,
                new ProfilePolicies.Policy(true, null, 15, null, false, null),
                1,
                deliveredAt);
        ProcessInstance processInstance = startAndForward();
        assertThat(processInstance).isWaitingAt("Gateway_AwaitLegalAction");

        ClockUtil.setCurrentTime(Date.from(deliveredAt.plus(Duration.ofDays(10))));
        runtimeService()
                .createMessageCorrelation("LegalActionProofFiled")
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();
        return processInstance;
    }

    private void concludeProceedings(String outcome, String reference) {
        runtimeService()
                .createMessageCorrelation(CaseMessages.PROCEEDINGS_CONCLUDED)
                .processInstanceBusinessKey(caseId)
                .setVariable(CaseVariables.PROCEEDINGS_OUTCOME, outcome)
                .setVariable(CaseVariables.PROCEEDINGS_REFERENCE, reference)
                .correlateWithResult();
    }

    /**
     * CN: the wait runs from the copy's delivery to the rights holder (E-Commerce Law Art. 43). Until correspondence
     * records it, no timer runs; the delivery arms the timer from the recorded moment, and a second delivery fact
     * changes nothing.
     */
    @Test
    void theChineseWaitStartsWhenTheCopyIsDeliveredNotWhenItIsSent() {
        Instant sentAt = OffsetDateTime.parse("2025-09-20T10:00+08:00").toInstant();
        Instant deliveredAt = OffsetDateTime.parse("2025-09-23T09:00+08:00").toInstant();
        ProfilePolicies.Policy policy = new ProfilePolicies.Policy(true, null, 15, null, false, null);
        CaseTimers[] timers = {caseTimers(JurisdictionProfile.CN_ECOM, policy, sentAt, null)};
        when(noticeCases.timers(caseId)).thenAnswer(invocation -> timers[0]);
        ClockUtil.setCurrentTime(Date.from(sentAt));

        ProcessInstance processInstance = startAndForward();
        assertThat(processInstance).hasPassed("Gateway_AwaitsDelivery").isWaitingAt("Gateway_AwaitDelivery");
        Assertions.assertThat(timers("Event_StatutoryWaitOver"))
                .as("a copy that was only sent (or bounced) starts nothing")
                .isEmpty();

        ClockUtil.setCurrentTime(Date.from(deliveredAt.plus(Duration.ofMinutes(1))));
        timers[0] = caseTimers(JurisdictionProfile.CN_ECOM, policy, sentAt, deliveredAt);
        correlateDelivery();
        correlateDelivery();

        // day 15 from the day after Tue Sep 23 is Wed Oct 8, inside the National Day holiday: the last day is Thu Oct 9
        Job wait = timer("Event_StatutoryWaitOver");
        Assertions.assertThat(wait.getDuedate())
                .isEqualTo(
                        Date.from(OffsetDateTime.parse("2025-10-10T00:00+08:00").toInstant()))
                .isEqualTo(Date.from(calendarResult(JurisdictionProfile.CN_ECOM, deliveredAt, 15)));
        fire(wait);
        execute(jobAt("Task_RestoreContent"));
        confirmLifts();
        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_AwaitsDelivery",
                        "Gateway_AwaitDelivery",
                        "Event_CounterNoticeDelivered",
                        "Gateway_AwaitLegalAction",
                        "Event_StatutoryWaitOver",
                        "Task_RestoreContent")
                .isEnded();
    }

    @Test
    void proofOfProceedingsBeforeTheCopyIsRecordedAsDeliveredStillMaintainsTheMeasures() {
        Instant sentAt = OffsetDateTime.parse("2025-09-20T10:00+08:00").toInstant();
        when(noticeCases.timers(caseId))
                .thenReturn(caseTimers(
                        JurisdictionProfile.CN_CC_1195,
                        new ProfilePolicies.Policy(true, null, 15, null, false, null),
                        sentAt,
                        null));
        ClockUtil.setCurrentTime(Date.from(sentAt));
        ProcessInstance processInstance = startAndForward();
        assertThat(processInstance).isWaitingAt("Gateway_AwaitDelivery");

        runtimeService()
                .createMessageCorrelation("LegalActionProofFiled")
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Gateway_AwaitDelivery",
                        "Event_ProofBeforeDelivery",
                        "Gateway_ProofFiled",
                        "Task_MaintainMeasures")
                .hasNotPassed("Event_CounterNoticeDelivered", "Event_StatutoryWaitOver")
                .isWaitingAt("Event_ProceedingsConcluded");
        verify(lifecycle).maintainPendingProceedings(caseId);
        correlateDelivery();
        assertThat(processInstance)
                .as("a delivery after the proof arms no wait")
                .isWaitingAt("Event_ProceedingsConcluded");
        Assertions.assertThat(timers("Event_StatutoryWaitOver")).isEmpty();
        verify(lifecycle, never()).restore(anyString(), any());
    }

    /** CN: a retraction that comes before the copy is recorded as delivered finds the wait and lifts the measures. */
    @Test
    void theRightsHoldersRetractionBeforeTheCopyIsDeliveredLiftsTheMeasures() {
        Instant sentAt = OffsetDateTime.parse("2025-09-20T10:00+08:00").toInstant();
        when(measures.liftAll(eq(caseId), anyString(), any(), anyString())).thenReturn(1);
        when(noticeCases.timers(caseId))
                .thenReturn(caseTimers(
                        JurisdictionProfile.CN_ECOM,
                        new ProfilePolicies.Policy(true, null, 15, null, false, null),
                        sentAt,
                        null));
        ClockUtil.setCurrentTime(Date.from(sentAt));
        ProcessInstance processInstance = startAndForward();
        assertThat(processInstance).isWaitingAt("Gateway_AwaitDelivery");
        // the platform confirmed the lifts before the process looked
        when(enforcements.restorationConfirmed(caseId)).thenReturn(true);

        runtimeService()
                .createMessageCorrelation("NoticeRetracted")
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();
        execute(jobAt("Task_NotifyRetracted"));

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Event_RetractedBeforeDelivery",
                        "Gateway_Retracted",
                        "Task_LiftOnRetraction",
                        "Gateway_RetractionLiftsConfirmed",
                        "Gateway_RetractionRestorationConfirmed",
                        "Task_NotifyRetracted",
                        "EndEvent_Retracted")
                .hasNotPassed(
                        "Event_CounterNoticeDelivered", "Event_StatutoryWaitOver", "Event_RetractionLiftsEnforced")
                .isEnded();
        InOrder order = inOrder(measures, lifecycle);
        order.verify(measures).liftAll(caseId, "system", LiftCause.RETRACTION, "notice retracted by the rights holder");
        order.verify(lifecycle).recordRetracted(caseId, RESTORED_AT);
    }

    @Test
    void theUsRestoreDaysAreToldWithTheCopy() {
        Instant receivedAt = OffsetDateTime.parse("2025-11-20T10:00-05:00").toInstant();
        ClockUtil.setCurrentTime(Date.from(receivedAt));
        stubTimers(
                JurisdictionProfile.US_DMCA,
                new ProfilePolicies.Policy(true, Duration.ofDays(14), 10, 14, false, Period.ofMonths(6)),
                1,
                receivedAt);

        assertThat(startAndForward()).hasNotPassed("Gateway_AwaitDelivery").isWaitingAt("Gateway_AwaitLegalAction");

        // Thanksgiving (Nov 27) does not count: business day 10 is Fri Dec 5, business day 14 Thu Dec 11
        verify(lifecycle)
                .forwardCounterNotice(
                        caseId, java.time.LocalDate.parse("2025-12-06"), java.time.LocalDate.parse("2025-12-11"));
    }

    /** Correspondence recorded the copy's delivery; nobody waiting is no error. */
    private void correlateDelivery() {
        runtimeService()
                .createMessageCorrelation("CounterNoticeDelivered")
                .processInstanceBusinessKey(caseId)
                .correlateAllWithResult();
    }

    private static CaseTimers caseTimers(
            JurisdictionProfile profile, ProfilePolicies.Policy policy, Instant receivedAt, Instant deliveredAt) {
        return new CaseTimers(profile, policy, 1, NOTICE_RECEIVED_AT, NOTIFIED_AT, receivedAt, deliveredAt, null);
    }

    @Test
    void profileThatRestoresOnTheCounterNoticeItselfDoesNotWait() {
        Instant deliveredAt = OffsetDateTime.parse("2025-09-20T10:00+08:00").toInstant();
        ClockUtil.setCurrentTime(Date.from(deliveredAt));
        stubTimers(
                JurisdictionProfile.CN_REGS_2013,
                new ProfilePolicies.Policy(false, null, null, null, true, null),
                1,
                deliveredAt);

        ProcessInstance processInstance = startAndForward();
        assertThat(processInstance)
                .hasPassed("Gateway_RestoreImmediately", "Gateway_Restore")
                .isWaitingAt("Task_RestoreContent");
        Assertions.assertThat(timers("Event_StatutoryWaitOver")).isEmpty();
        execute(jobAt("Task_RestoreContent"));
        confirmLifts();

        assertThat(processInstance)
                .hasPassedInOrder(
                        "Task_ForwardCounterNotice",
                        "Gateway_RestoreImmediately",
                        "Gateway_Restore",
                        "Task_RestoreContent",
                        "Gateway_LiftsConfirmed",
                        "Event_LiftsEnforced",
                        "Task_NotifyRestored",
                        "EndEvent_ContentRestored")
                .hasNotPassed("Gateway_AwaitLegalAction", "Event_StatutoryWaitOver")
                .isEnded();
        InOrder order = inOrder(lifecycle, measures);
        order.verify(lifecycle).forwardCounterNotice(eq(caseId), any(), any());
        order.verify(measures).liftAll(caseId, "system", LiftCause.COUNTER_NOTICE, "restored after counter-notice");
        order.verify(lifecycle).restore(caseId, RESTORED_AT);
    }

    /** The platform confirms the last lift: the parties are told only now. */
    private void confirmLifts() {
        verify(lifecycle, never()).restore(anyString(), any());
        runtimeService()
                .createMessageCorrelation(CaseMessages.CASE_LIFTS_ENFORCED)
                .processInstanceBusinessKey(caseId)
                .correlateWithResult();
        execute(jobAt("Task_NotifyRestored"));
    }

    private ProcessInstance startAndForward() {
        ProcessInstance processInstance =
                runtimeService().startProcessInstanceByKey(PROCESS, caseId, Map.of("caseId", caseId));
        assertThat(processInstance).isWaitingAt("Task_ForwardCounterNotice");
        execute(jobAt("Task_ForwardCounterNotice"));
        return processInstance;
    }

    /** The counter-notice was received and forwarded (delivered) at the same moment. */
    private void stubTimers(
            JurisdictionProfile profile, ProfilePolicies.Policy policy, int timeCompression, Instant counterNoticeAt) {
        when(noticeCases.timers(caseId))
                .thenReturn(new CaseTimers(
                        profile,
                        policy,
                        timeCompression,
                        NOTICE_RECEIVED_AT,
                        NOTIFIED_AT,
                        counterNoticeAt,
                        counterNoticeAt,
                        null));
    }

    private static Instant calendarResult(JurisdictionProfile profile, Instant counterNoticeAt, int days) {
        return switch (profile.family()) {
            case US ->
                calendars
                        .us()
                        .addBusinessDays(counterNoticeAt.atZone(NEW_YORK).toLocalDate(), days)
                        .plusDays(1)
                        .atStartOfDay(NEW_YORK)
                        .toInstant();
            case CN ->
                calendars
                        .china()
                        .endOfPeriodInDays(counterNoticeAt.atZone(BEIJING), days)
                        .toInstant();
            case EU -> throw new IllegalArgumentException("no counter-notice wait under EU_DSA");
        };
    }
}
