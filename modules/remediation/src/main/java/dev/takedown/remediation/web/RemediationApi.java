package dev.takedown.remediation.web;

import dev.takedown.kernel.Caller;
import dev.takedown.remediation.RemediationChange;
import dev.takedown.remediation.RemediationConflictException;
import dev.takedown.remediation.RemediationNotFoundException;
import dev.takedown.remediation.RemediationReport;
import dev.takedown.remediation.RemediationStatus;
import dev.takedown.remediation.RemediationView;
import dev.takedown.remediation.Remediations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The model owner's remediations and the regulator report (issue 11 part 2). */
@RestController
class RemediationApi {

    private final Remediations remediations;

    RemediationApi(Remediations remediations) {
        this.remediations = remediations;
    }

    /** Open remediations (or those in {@code status}), the most urgent first. */
    @GetMapping(path = "/api/remediations", produces = MediaType.APPLICATION_JSON_VALUE)
    Object list(@RequestParam(name = "status", required = false) String status) {
        if (status == null || status.isBlank()) {
            return remediations.list(null);
        }
        try {
            return remediations.list(RemediationStatus.valueOf(status));
        } catch (IllegalArgumentException unknown) {
            return invalid(List.of(Map.of("field", "status", "message", "one of AWAITING_OWNER, VERIFYING, VERIFIED")));
        }
    }

    @GetMapping(path = "/api/remediations/{remediationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> get(@PathVariable String remediationId) {
        RemediationView remediation = remediations.find(remediationId);
        return Map.of(
                "remediation",
                remediation,
                "changes",
                remediations.changes(remediationId),
                "verifications",
                remediations.verifications(remediationId));
    }

    /** The owner says what changed; verification by the replay suites follows. */
    @PostMapping(
            path = "/api/remediations/{remediationId}/changes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Object change(@PathVariable String remediationId, @RequestBody ChangeForm form, Authentication user) {
        remediations.find(remediationId);
        List<Map<String, String>> problems = form.problems();
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        RemediationChange change = remediations.recordChange(
                remediationId,
                form.filterVersionOrNull(),
                form.modelVersionOrNull(),
                form.description().strip(),
                form.termsStripped(),
                user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(change);
    }

    @GetMapping(path = "/api/cases/{caseId}/remediation/report", produces = MediaType.APPLICATION_JSON_VALUE)
    RemediationReport report(@PathVariable String caseId, Authentication user) {
        return remediations.report(caseId, Caller.of(user));
    }

    /** The same report as text ({@code ?format=text}), for a filing that takes no JSON. */
    @GetMapping(path = "/api/cases/{caseId}/remediation/report", params = "format=text")
    ResponseEntity<String> reportText(@PathVariable String caseId, Authentication user) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(remediations.report(caseId, Caller.of(user)).asText());
    }

    private static ResponseEntity<ProblemDetail> invalid(List<Map<String, String>> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Order(0)
    @RestControllerAdvice(assignableTypes = RemediationApi.class)
    static class Problems {

        @ExceptionHandler(RemediationNotFoundException.class)
        ResponseEntity<ProblemDetail> notFound(RemediationNotFoundException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
        }

        @ExceptionHandler(RemediationConflictException.class)
        ResponseEntity<ProblemDetail> conflict(RemediationConflictException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        }
    }
}
