package dev.takedown.review.web;

import dev.takedown.kernel.Problems;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.review.InvalidDecisionException;
import dev.takedown.workflow.TaskClaimConflictException;
import dev.takedown.workflow.TaskNotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@Order(0)
@RestControllerAdvice(assignableTypes = {TaskApi.class, AppealApi.class, OutOfCourtApi.class})
class ReviewProblems {

    @ExceptionHandler(InvalidDecisionException.class)
    ProblemDetail invalid(InvalidDecisionException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-decision", "Invalid request", e.getMessage(), e.problems());
    }

    @ExceptionHandler(CaseStateException.class)
    ProblemDetail wrongState(CaseStateException e) {
        return Problems.of(HttpStatus.CONFLICT, "case-state", "Not possible at this stage of the case", e.getMessage());
    }

    @ExceptionHandler({CaseNotFoundException.class, TaskNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(TaskClaimConflictException.class)
    ProblemDetail conflict(TaskClaimConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "task-not-yours", "Task not yours", e.getMessage());
    }
}
