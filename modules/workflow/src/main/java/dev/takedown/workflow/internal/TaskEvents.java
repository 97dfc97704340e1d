package dev.takedown.workflow.internal;

import dev.takedown.events.TakedownEvent;
import dev.takedown.events.TaskCreated;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Publishes every new moderation task to {@code takedown.tasks}, inside the engine's transaction (outbox). */
@Component
class TaskEvents {

    private final ApplicationEventPublisher events;

    TaskEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void created(DelegateTask task) {
        String group = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .findFirst()
                .orElse(null);
        events.publishEvent(new TaskCreated(
                UUID.randomUUID(),
                Instant.now(),
                (String) task.getVariable(CaseVariables.CASE_ID),
                TakedownEvent.SYSTEM,
                task.getId(),
                task.getName(),
                group,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getPriority()));
    }
}
