package dev.takedown.workflow;

import dev.takedown.events.TaskClaimed;
import dev.takedown.events.TaskCompleted;
import dev.takedown.notices.CaseStateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' view of Camunda: their queues (candidate groups are role names), claiming and completing
 * review tasks. Other modules never touch Camunda's API directly.
 */
@Service
public class ReviewTasks {

    private static final Comparator<ReviewTask> BY_DUE =
            Comparator.comparing(ReviewTask::due, Comparator.nullsLast(Comparator.naturalOrder()));
    private static final Comparator<ReviewTask> BY_PRIORITY =
            Comparator.comparingInt(ReviewTask::priority).reversed().thenComparing(BY_DUE);

    /** The first review of a notice, the only task a moderator can escalate. */
    static final String FIRST_REVIEW = "Task_ReviewNotice";
    /** The ordinary queue; escalation moves a review from it to the senior moderators'. */
    public static final String MODERATOR_QUEUE = "MODERATOR";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;

    ReviewTasks(TaskService tasks, RuntimeService runtime, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.events = events;
    }

    /** Open tasks of the given queues (candidate groups), whether claimed or not. */
    @Transactional(readOnly = true)
    public List<ReviewTask> list(String user, Collection<String> groups, TaskQuery query) {
        if (groups.isEmpty()) {
            return List.of();
        }
        // every task has exactly one candidate group (bpmn/*.bpmn), so one query per queue names each task's queue,
        // and one variable query names the cases: a few queries per listing, not two per task
        Map<String, String> queueOf = new LinkedHashMap<>();
        List<Task> found = new ArrayList<>();
        for (String group : groups) {
            var camundaQuery = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
            if (query.minPriority() != null) {
                camundaQuery.taskMinPriority(query.minPriority());
            }
            if (query.dueBefore() != null) {
                camundaQuery.dueBefore(Date.from(query.dueBefore()));
            }
            for (Task task : camundaQuery.list()) {
                if (queueOf.putIfAbsent(task.getId(), group) == null) {
                    found.add(task);
                }
            }
        }
        Map<String, String> caseIds = caseIdsOf(found);
        Comparator<ReviewTask> order = "due".equals(query.sort()) ? BY_DUE : BY_PRIORITY;
        return found.stream()
                .map(task -> view(
                        task,
                        queueOf.get(task.getId()),
                        caseIds.computeIfAbsent(task.getProcessInstanceId(), instance -> caseIdOf(task))))
                .sorted(order)
                .toList();
    }

    @Transactional(readOnly = true)
    public ReviewTask get(String taskId, String user, Collection<String> groups) {
        return view(visible(taskId, user, groups));
    }

    /**
     * The complaint an appeal task reviews: a case may have several complaints open at once, each against its own
     * decision, so the task, not the case, says which one.
     */
    @Transactional(readOnly = true)
    public String complaintOf(String taskId) {
        if (!(tasks.getVariable(taskId, "appealId") instanceof String complaintId)) {
            throw new CaseStateException("task " + taskId + " reviews no complaint");
        }
        return complaintId;
    }

    /** The flagged suspicion a {@link ReviewTask.Kind#CRIMINAL_OFFENCE} task asks compliance to report. */
    @Transactional(readOnly = true)
    public String flagOf(String taskId) {
        if (!(tasks.getVariable(taskId, "flagId") instanceof String flagId)) {
            throw new CaseStateException("task " + taskId + " reports no suspected criminal offence");
        }
        return flagId;
    }

    @Transactional
    public ReviewTask claim(String taskId, String user, Collection<String> groups) {
        Task task = visible(taskId, user, groups);
        if (user.equals(task.getAssignee())) {
            return view(task);
        }
        if (task.getAssignee() != null) {
            throw new TaskClaimConflictException("task " + taskId + " is already claimed by " + task.getAssignee());
        }
        tasks.claim(taskId, user);
        events.publishEvent(new TaskClaimed(UUID.randomUUID(), Instant.now(), caseIdOf(task), user, taskId));
        return view(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /**
     * Completes a task the user has claimed with the routing variables of its kind: {@code accepted},
     * {@code secondReview}, {@code decisionId} for reviews; {@code confirmed} for confirmations; {@code reversed}
     * for appeals.
     *
     * @throws CaseStateException the task is a filter widening, which the remediation API decides
     */
    @Transactional
    public String complete(String taskId, String user, Collection<String> groups, Map<String, Object> routing) {
        Task task = visible(taskId, user, groups);
        if (kindOf(task) == ReviewTask.Kind.FILTER_WIDENING) {
            throw new CaseStateException("a filter widening is approved or refused at POST /api/remediations/{id}"
                    + "/widening (page /remediations), not decided as a notice");
        }
        if (!user.equals(task.getAssignee())) {
            throw new TaskClaimConflictException("claim task " + taskId + " before deciding it");
        }
        String caseId = caseIdOf(task);
        tasks.complete(taskId, routing);
        events.publishEvent(new TaskCompleted(UUID.randomUUID(), Instant.now(), caseId, user, taskId));
        return caseId;
    }

    /**
     * Hands an open or self-claimed first review to the senior moderators: the lifecycle's escalation path, the same
     * one the overdue timer takes (Event_EscalationRequested), so the case history and the ledger record it alike.
     *
     * @return the case id
     * @throws TaskClaimConflictException someone else has claimed the task
     * @throws CaseStateException         the task is not a first review (already escalated, a confirmation, an appeal)
     */
    @Transactional
    public String escalate(String taskId, String user, Collection<String> groups, String reason) {
        Task task = visible(taskId, user, groups);
        if (!FIRST_REVIEW.equals(task.getTaskDefinitionKey())
                || !MODERATOR_QUEUE.equals(view(task).queue())) {
            throw new CaseStateException(
                    "only a first review in the moderators' queue can be escalated; this task is " + task.getName());
        }
        if (task.getAssignee() != null && !user.equals(task.getAssignee())) {
            throw new TaskClaimConflictException("task " + taskId + " is claimed by " + task.getAssignee());
        }
        String caseId = caseIdOf(task);
        runtime.createMessageCorrelation("EscalationRequested")
                .processInstanceId(task.getProcessInstanceId())
                .setVariable("escalatedBy", user)
                .setVariable("escalationReason", reason)
                .correlateWithResult();
        return caseId;
    }

    private Task visible(String taskId, String user, Collection<String> groups) {
        Task task = groups.isEmpty()
                ? null
                : tasks.createTaskQuery()
                        .taskId(taskId)
                        .taskCandidateGroupIn(List.copyOf(groups))
                        .includeAssignedTasks()
                        .singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    private static ReviewTask.Kind kindOf(Task task) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_ConfirmDecision" -> ReviewTask.Kind.CONFIRMATION;
            case "Task_ReviewAppeal" -> ReviewTask.Kind.APPEAL;
            case "Task_ReviewWidening" -> ReviewTask.Kind.FILTER_WIDENING;
            case "Task_ResolveRestore" -> ReviewTask.Kind.RESTORE_OVERDUE;
            case "Task_NotifyAuthority" -> ReviewTask.Kind.CRIMINAL_OFFENCE;
            case "Task_ResolveEnforcement" -> ReviewTask.Kind.ENFORCEMENT_OVERDUE;
            default -> ReviewTask.Kind.REVIEW;
        };
    }

    private String caseIdOf(Task task) {
        return (String) tasks.getVariable(task.getId(), "caseId");
    }

    /** The case id of each task's process instance where it sits on the instance itself; the rest look it up singly. */
    private Map<String, String> caseIdsOf(List<Task> found) {
        Map<String, String> caseIds = new HashMap<>();
        if (found.isEmpty()) {
            return caseIds;
        }
        String[] instances =
                found.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        for (VariableInstance variable : runtime.createVariableInstanceQuery()
                .variableName("caseId")
                .processInstanceIdIn(instances)
                .disableBinaryFetching()
                .list()) {
            if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
                caseIds.put(variable.getProcessInstanceId(), (String) variable.getValue());
            }
        }
        return caseIds;
    }

    private ReviewTask view(Task task) {
        String queue = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .findFirst()
                .orElse(null);
        return view(task, queue, caseIdOf(task));
    }

    private static ReviewTask view(Task task, String queue, String caseId) {
        return new ReviewTask(
                task.getId(),
                caseId,
                task.getName(),
                kindOf(task),
                queue,
                task.getPriority(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime().toInstant(),
                task.getAssignee());
    }
}
