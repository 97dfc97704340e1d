package dev.takedown.workflow;

import dev.takedown.events.IncidentRetried;
import dev.takedown.kernel.Caller;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: steps of a case's process that failed until their retries ran out (a delegate that kept throwing, a
 * service that stayed down). The case stops there silently unless someone looks, so they are counted (metrics,
 * health) and listed for administrators, who can retry them; a retry is on the case's record.
 */
@Service
public class Incidents {

    static final String FAILED_JOB = "failedJob";
    static final String FAILED_EXTERNAL_TASK = "failedExternalTask";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ExternalTaskService externalTasks;
    private final RepositoryService repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Incidents(
            RuntimeService runtime,
            ManagementService management,
            ExternalTaskService externalTasks,
            RepositoryService repository,
            ApplicationEventPublisher events,
            Clock clock) {
        this.runtime = runtime;
        this.management = management;
        this.externalTasks = externalTasks;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** How many incidents are open, in every process. */
    public long count() {
        return runtime.createIncidentQuery().count();
    }

    /** The oldest open incidents first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<OpenIncident> open(int limit) {
        List<Incident> incidents =
                runtime.createIncidentQuery().orderByIncidentTimestamp().asc().listPage(0, limit);
        Set<String> instanceIds =
                incidents.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> caseOf = instanceIds.isEmpty()
                ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(p -> p.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        return incidents.stream()
                .map(incident -> describe(incident, caseOf.get(incident.getProcessInstanceId()), definitions))
                .toList();
    }

    /**
     * Gives the failed step one more attempt (the job executor runs it again at once) and records who did.
     *
     * @throws IncidentNotFoundException no such open incident, or none a retry resolves
     */
    @Transactional
    public OpenIncident retry(String incidentId, Caller caller) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null || !isRetryable(incident)) {
            throw new IncidentNotFoundException(incidentId);
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(incident.getProcessInstanceId())
                .singleResult();
        OpenIncident retried = describe(incident, instance == null ? null : instance.getBusinessKey(), new HashMap<>());
        if (FAILED_JOB.equals(incident.getIncidentType())) {
            management.setJobRetries(incident.getConfiguration(), 1);
        } else {
            externalTasks.setRetries(incident.getConfiguration(), 1);
        }
        events.publishEvent(new IncidentRetried(
                UUID.randomUUID(),
                clock.instant(),
                retried.caseId(),
                caller.actor(),
                incident.getId(),
                incident.getActivityId(),
                incident.getIncidentMessage()));
        return retried;
    }

    private OpenIncident describe(Incident incident, String caseId, Map<String, ProcessDefinition> definitions) {
        ProcessDefinition definition =
                definitions.computeIfAbsent(incident.getProcessDefinitionId(), repository::getProcessDefinition);
        return new OpenIncident(
                incident.getId(),
                caseId,
                definition.getKey(),
                incident.getActivityId(),
                activityName(definition.getId(), incident.getActivityId()),
                incident.getIncidentMessage(),
                incident.getIncidentTimestamp().toInstant(),
                isRetryable(incident));
    }

    private String activityName(String definitionId, String activityId) {
        if (activityId == null) {
            return null;
        }
        FlowElement element = repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : element.getName();
    }

    private static boolean isRetryable(Incident incident) {
        return incident.getConfiguration() != null
                && (FAILED_JOB.equals(incident.getIncidentType())
                        || FAILED_EXTERNAL_TASK.equals(incident.getIncidentType()));
    }
}
