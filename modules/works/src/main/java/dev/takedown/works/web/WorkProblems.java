package dev.takedown.works.web;

import dev.takedown.kernel.Problems;
import dev.takedown.works.InvalidWorkException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for the works registry API: every problem of a definition in one response. */
@Order(0)
@RestControllerAdvice(assignableTypes = WorkApi.class)
class WorkProblems {

    @ExceptionHandler(InvalidWorkException.class)
    ProblemDetail invalidWork(InvalidWorkException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "work-invalid", "Work definition invalid", e.getMessage(), e.problems());
    }
}
