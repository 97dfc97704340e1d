package dev.takedown.review.web;

import dev.takedown.review.AuthorityNotification;
import dev.takedown.review.CriminalOffenceAuthority;
import dev.takedown.review.Decision;
import dev.takedown.review.DecisionRequest;
import dev.takedown.review.EscalationRequest;
import dev.takedown.review.Moderator;
import dev.takedown.review.Review;
import dev.takedown.workflow.ReviewTask;
import dev.takedown.workflow.TaskNotFoundException;
import dev.takedown.workflow.TaskQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskApi {

    private final Review review;

    TaskApi(Review review) {
        this.review = review;
    }

    /**
     * My queues; {@code sort=priority} (default) or {@code sort=due}; {@code min_priority} and {@code due_before}
     * (ISO-8601 instant) filter.
     */
    @GetMapping
    List<ReviewTask> list(
            @RequestParam(name = "sort", defaultValue = "priority") String sort,
            @RequestParam(name = "min_priority", required = false) Integer minPriority,
            @RequestParam(name = "due_before", required = false) Instant dueBefore,
            Authentication authentication) {
        return review.queue(Moderator.of(authentication), new TaskQuery(minPriority, dueBefore, TaskSort.parse(sort)));
    }

    @GetMapping("/{taskId}")
    ReviewTask get(@PathVariable String taskId, Authentication authentication) {
        return review.task(Moderator.of(authentication), taskId);
    }

    @PostMapping("/{taskId}/claim")
    ReviewTask claim(@PathVariable String taskId, Authentication authentication) {
        return review.claim(Moderator.of(authentication), taskId);
    }

    /** Moves a first review (open, or claimed by me) to the senior moderators' queue: {@code {"reason": "…"}}. */
    @PostMapping(path = "/{taskId}/escalate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> escalate(
            @PathVariable String taskId, @RequestBody EscalationRequest request, Authentication authentication) {
        String caseId = review.escalate(Moderator.of(authentication), taskId, request.reason());
        return Map.of("case_id", caseId, "queue", "SENIOR_MODERATOR");
    }

    /**
     * Closes an overdue restore (compliance officers): {@code {"reason": "…"}}; 409 while a measure of the case is
     * still applied.
     */
    @PostMapping(path = "/{taskId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> resolve(
            @PathVariable String taskId, @RequestBody EscalationRequest request, Authentication authentication) {
        String caseId = review.resolveOverdueRestore(Moderator.of(authentication), taskId, request.reason());
        return Map.of("case_id", caseId, "status", "RESOLVED");
    }

    /**
     * DSA Art. 18: flags a suspected criminal offence threatening life or safety from a moderator's task:
     * {@code {"reason": "…"}}; compliance officers get a task to inform the authority.
     */
    @PostMapping(path = "/{taskId}/criminal-offence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> flagCriminalOffence(
            @PathVariable String taskId, @RequestBody EscalationRequest request, Authentication authentication) {
        String caseId = review.flagCriminalOffence(Moderator.of(authentication), taskId, request.reason());
        return ResponseEntity.accepted().body(Map.of("case_id", caseId, "queue", "COMPLIANCE_OFFICER"));
    }

    /** The authority a criminal-offence task asks compliance officers to inform (DSA Art. 18). */
    @GetMapping("/{taskId}/authority")
    CriminalOffenceAuthority authority(@PathVariable String taskId, Authentication authentication) {
        ReviewTask task = review.task(Moderator.of(authentication), taskId);
        if (task.kind() != ReviewTask.Kind.CRIMINAL_OFFENCE) {
            throw new TaskNotFoundException(taskId);
        }
        return review.authority();
    }

    /**
     * Records that the authority was informed (compliance officers, claimed task): {@code {"reference": "…",
     * "notified_at": "…"}}; a ledger fact.
     */
    @PostMapping(path = "/{taskId}/authority-notification", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> recordAuthorityNotification(
            @PathVariable String taskId,
            @RequestBody AuthorityNotification notification,
            Authentication authentication) {
        String caseId = review.recordAuthorityNotification(Moderator.of(authentication), taskId, notification);
        return Map.of("case_id", caseId, "status", "AUTHORITY_NOTIFIED");
    }

    @PostMapping(path = "/{taskId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    Decision decide(@PathVariable String taskId, @RequestBody DecisionRequest decision, Authentication authentication) {
        return review.decide(Moderator.of(authentication), taskId, decision);
    }
}
