package dev.takedown.remediation.web;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import dev.takedown.remediation.RemediationChange;
import dev.takedown.remediation.RemediationConflictException;
import dev.takedown.remediation.RemediationDetails;
import dev.takedown.remediation.RemediationNotFoundException;
import dev.takedown.remediation.RemediationReport;
import dev.takedown.remediation.RemediationStatus;
import dev.takedown.remediation.Remediations;
import dev.takedown.remediation.TermsTooBroadException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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

/**
 * The model owner's remediations, the moderators' widening decisions and the regulator report. Tenancy is the
 * service's: an owner reads and changes only its own remediations, staff read all, another owner's is a 404.
 */
@RestController
class RemediationApi {

    private final Remediations remediations;

    RemediationApi(Remediations remediations) {
        this.remediations = remediations;
    }

    /** Open remediations (or those in {@code status}) the caller may read, the most urgent first. */
    @GetMapping(path = "/api/remediations", produces = MediaType.APPLICATION_JSON_VALUE)
    Object list(@RequestParam(name = "status", required = false) String status, Authentication user) {
        if (status == null || status.isBlank()) {
            return remediations.list(null, Caller.of(user));
        }
        try {
            return remediations.list(RemediationStatus.valueOf(status), Caller.of(user));
        } catch (IllegalArgumentException unknown) {
            return invalid(
                    List.of(new FieldProblem("status", "one of " + Arrays.toString(RemediationStatus.values()))));
        }
    }

    @GetMapping(path = "/api/remediations/{remediationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    RemediationDetails get(@PathVariable String remediationId, Authentication user) {
        return remediations.details(remediationId, Caller.of(user));
    }

    /** The owner says what changed; a widening waits for a moderator, anything else is verified at once. */
    @PostMapping(
            path = "/api/remediations/{remediationId}/changes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Object change(@PathVariable String remediationId, @RequestBody ChangeForm form, Authentication user) {
        Caller caller = Caller.of(user);
        remediations.find(remediationId, caller);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        RemediationChange change = remediations.recordChange(
                remediationId,
                form.filterVersionOrNull(),
                form.modelVersionOrNull(),
                form.description().strip(),
                form.termsStripped(),
                caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(change);
    }

    /** A moderator approves (the filters widen, verification follows) or refuses (back to the owner, with why). */
    @PostMapping(
            path = "/api/remediations/{remediationId}/widening",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Object decideWidening(@PathVariable String remediationId, @RequestBody WideningForm form, Authentication user) {
        Caller caller = Caller.of(user);
        remediations.find(remediationId, caller);
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        return remediations.decideWidening(remediationId, form.approve(), form.reasonOrNull(), caller);
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

    private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "invalid-remediation-request",
                        "Invalid request",
                        "The request is invalid",
                        problems));
    }

    @Order(0)
    @RestControllerAdvice(assignableTypes = RemediationApi.class)
    static class RemediationProblems {

        @ExceptionHandler(RemediationNotFoundException.class)
        ResponseEntity<ProblemDetail> notFound(RemediationNotFoundException e) {
            return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
        }

        @ExceptionHandler(RemediationConflictException.class)
        ResponseEntity<ProblemDetail> conflict(RemediationConflictException e) {
            return problem(Problems.of(
                    HttpStatus.CONFLICT, "remediation-state", "Not possible at this stage", e.getMessage()));
        }

        /** Each refused term by its field, with the share of the benign corpus it would block. */
        @ExceptionHandler(TermsTooBroadException.class)
        ResponseEntity<ProblemDetail> tooBroad(TermsTooBroadException e) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST, "term-too-broad", "Terms would block ordinary prompts", e.getMessage());
            problem.setProperty("errors", e.terms());
            return problem(problem);
        }

        private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
            return ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
