package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.Deadline;
import dev.takedown.notices.DeadlineKind;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.notices.Party;
import dev.takedown.notices.RunningDeadlines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The deadlines running on a case, read from the engine that acts on them (its pending timers and open tasks) and
 * named with the rule and the calendar that computed them. The complaint windows are review's, per party and decision. {@code at} is when the engine acts; {@code legal_at} is the
 * rule's date, which differs only where a demo compresses time. A US case waiting for business day 10 also shows day
 * 14, whose timer starts only then.
 */
@Component
class EngineDeadlines implements RunningDeadlines {

    private static final String US_DAYS = "US federal business days (America/New_York), federal holidays not counted";
    private static final String CN_DAYS =
            "calendar days from the day after delivery (Asia/Shanghai), a last day on a rest day rolls to the next "
                    + "working day (Civil Code 201, 203)";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final NoticeCases cases;
    private final CaseDeadlines deadlines;

    EngineDeadlines(
            RuntimeService runtime,
            ManagementService management,
            TaskService tasks,
            NoticeCases cases,
            CaseDeadlines deadlines) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.cases = cases;
        this.deadlines = deadlines;
    }

    @Override
    public List<Deadline> of(String caseId) {
        List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(ProcessInstance::getId)
                .toList();
        if (instances.isEmpty()) {
            return List.of();
        }
        CaseTimers timers = cases.timers(caseId);
        List<Deadline> found = new ArrayList<>();
        for (String instance : instances) {
            timer(instance, "Event_CurePeriodOver")
                    .forEach(at -> found.add(new Deadline(
                            DeadlineKind.CURE,
                            at,
                            legalCure(timers),
                            "T2: the configured cure period (takedown.profiles." + timers.profile() + ".cure-period "
                                    + timers.policy().curePeriod() + ") from the first request to complete",
                            "elapsed time",
                            Party.NOTIFIER)));
            timer(instance, "Event_StatutoryWaitOver")
                    .forEach(at -> found.addAll(counterNoticeWait(caseId, timers, at)));
            timer(instance, "Event_RestoreOverdue").forEach(at -> found.add(restoreDeadline(caseId, timers, at)));
        }
        for (Task task : tasks.createTaskQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .list()) {
            DeadlineKind kind =
                    switch (task.getTaskDefinitionKey()) {
                        case "Task_ReviewNotice" -> DeadlineKind.REVIEW;
                        case "Task_ReviewEscalated" -> DeadlineKind.ESCALATED_REVIEW;
                        case "Task_ConfirmDecision" -> DeadlineKind.CONFIRMATION;
                        case "Task_ReviewAppeal" -> DeadlineKind.COMPLAINT_REVIEW;
                        case "Task_ResolveRestore" -> DeadlineKind.RESTORE_DEADLINE;
                        default -> null;
                    };
            if (kind != null && task.getDueDate() != null) {
                Instant due = task.getDueDate().toInstant();
                found.add(new Deadline(
                        kind,
                        due,
                        due,
                        "the platform's own time for " + task.getName().toLowerCase(java.util.Locale.ROOT)
                                + " (triage SLA, takedown.review.*, takedown.appeal.*)",
                        "elapsed time",
                        Party.PLATFORM));
            }
        }
        found.sort(Comparator.comparing(Deadline::at));
        return List.copyOf(found);
    }

    /** US: business day 10 opens the restore window and day 14 closes it; CN: the days to prove proceedings. */
    private List<Deadline> counterNoticeWait(String caseId, CaseTimers timers, Instant at) {
        if (timers.profile().family() != JurisdictionProfile.Family.US) {
            return List.of(new Deadline(
                    DeadlineKind.COUNTER_NOTICE_PROOF,
                    at,
                    deadlines.legalRestoreAt(caseId, timers),
                    timers.policy().counterNoticeWaitDays()
                            + " days to prove a complaint or lawsuit, or the content is restored (Civil Code 1196; "
                            + "E-Commerce Law 43)",
                    CN_DAYS,
                    Party.NOTIFIER));
        }
        Instant dayFourteen = deadlines.legalRestoreBy(caseId, timers);
        return List.of(
                new Deadline(
                        DeadlineKind.RESTORE_WINDOW_OPENS,
                        at,
                        deadlines.legalRestoreAt(caseId, timers),
                        "17 U.S.C. 512(g)(2)(C): restored after the end of business day "
                                + timers.policy().counterNoticeWaitDays()
                                + " after receipt unless notice of a court action arrives first",
                        US_DAYS,
                        Party.NOTIFIER),
                new Deadline(
                        DeadlineKind.RESTORE_DEADLINE,
                        dayFourteen,
                        dayFourteen,
                        "17 U.S.C. 512(g)(2)(C): restored no later than business day "
                                + timers.policy().counterNoticeRestoreByDays() + " after receipt",
                        US_DAYS,
                        Party.PLATFORM));
    }

    private Deadline restoreDeadline(String caseId, CaseTimers timers, Instant at) {
        boolean us = timers.profile().family() == JurisdictionProfile.Family.US;
        return new Deadline(
                DeadlineKind.RESTORE_DEADLINE,
                at,
                deadlines.legalRestoreBy(caseId, timers),
                us
                        ? "17 U.S.C. 512(g)(2)(C): restored no later than business day "
                                + timers.policy().counterNoticeRestoreByDays() + " after receipt"
                        : "the platform's own limit: a day after the restore date",
                us ? US_DAYS : CN_DAYS,
                Party.PLATFORM);
    }

    private Instant legalCure(CaseTimers timers) {
        return timers.cureRequestedAt() == null
                ? null
                : timers.cureRequestedAt().plus(timers.policy().curePeriod());
    }

    private List<Instant> timer(String instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance).timers().activityId(activityId).list().stream()
                .map(Job::getDuedate)
                .map(java.util.Date::toInstant)
                .toList();
    }
}
