package dev.takedown.workflow;

import dev.takedown.events.TaskClaimed;
import dev.takedown.events.TaskCompleted;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
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

    private final TaskService tasks;
    private final ApplicationEventPublisher events;

    ReviewTasks(TaskService tasks, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.events = events;
    }

    /** Open tasks of the given queues (candidate groups), whether claimed or not. */
    @Transactional(readOnly = true)
    public List<ReviewTask> list(String user, Collection<String> groups, TaskQuery query) {
        if (groups.isEmpty()) {
            return List.of();
        }
        var camundaQuery = tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups)).includeAssignedTasks();
        if (query.minPriority() != null) {
            camundaQuery.taskMinPriority(query.minPriority());
        }
        if (query.dueBefore() != null) {
            camundaQuery.dueBefore(Date.from(query.dueBefore()));
        }
        Comparator<ReviewTask> order = "due".equals(query.sort()) ? BY_DUE : BY_PRIORITY;
        return camundaQuery.list().stream().map(this::view).sorted(order).toList();
    }

    @Transactional(readOnly = true)
    public ReviewTask get(String taskId, String user, Collection<String> groups) {
        return view(visible(taskId, user, groups));
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
     */
    @Transactional
    public String complete(String taskId, String user, Collection<String> groups, Map<String, Object> routing) {
        Task task = visible(taskId, user, groups);
        if (!user.equals(task.getAssignee())) {
            throw new TaskClaimConflictException("claim task " + taskId + " before deciding it");
        }
        String caseId = caseIdOf(task);
        tasks.complete(taskId, routing);
        events.publishEvent(new TaskCompleted(UUID.randomUUID(), Instant.now(), caseId, user, taskId));
        return caseId;
    }

    private Task visible(String taskId, String user, Collection<String> groups) {
        Task task = groups.isEmpty() ? null : tasks.createTaskQuery().taskId(taskId)
                .taskCandidateGroupIn(List.copyOf(groups)).includeAssignedTasks().singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    private static String kindOf(Task task) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_ConfirmDecision" -> ReviewTask.CONFIRMATION;
            case "Task_ReviewAppeal" -> ReviewTask.APPEAL;
            default -> ReviewTask.REVIEW;
        };
    }

    private String caseIdOf(Task task) {
        return (String) tasks.getVariable(task.getId(), "caseId");
    }

    private ReviewTask view(Task task) {
        String queue = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).findFirst().orElse(null);
        return new ReviewTask(task.getId(), caseIdOf(task), task.getName(), kindOf(task), queue, task.getPriority(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getCreateTime().toInstant(),
                task.getAssignee());
    }
}
