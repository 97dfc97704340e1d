package dev.takedown.review.web;

import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.review.InvalidDecisionException;
import dev.takedown.workflow.TaskClaimConflictException;
import dev.takedown.workflow.TaskNotFoundException;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@Order(0)
@RestControllerAdvice(assignableTypes = {TaskApi.class, AppealApi.class})
class ReviewProblems {

    @ExceptionHandler(InvalidDecisionException.class)
    ProblemDetail invalid(InvalidDecisionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://takedown.dev/problems/invalid-decision"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(CaseStateException.class)
    ProblemDetail wrongState(CaseStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible at this stage of the case");
        return problem;
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail caseNotFound(CaseNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TaskNotFoundException.class)
    ProblemDetail notFound(TaskNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TaskClaimConflictException.class)
    ProblemDetail conflict(TaskClaimConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Task not yours");
        return problem;
    }
}
