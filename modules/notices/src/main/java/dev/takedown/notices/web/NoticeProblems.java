package dev.takedown.notices.web;

import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CounterNoticeInvalidException;
import dev.takedown.notices.IdempotencyConflictException;
import dev.takedown.notices.InvalidWorkException;
import dev.takedown.notices.NoticeIncompleteException;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for notice intake: every missing element in one response. */
@Order(0)
@RestControllerAdvice(assignableTypes = {NoticeApi.class, WorkApi.class, UploaderApi.class})
class NoticeProblems {

    @ExceptionHandler(NoticeIncompleteException.class)
    ProblemDetail incomplete(NoticeIncompleteException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://takedown.dev/problems/notice-incomplete"));
        problem.setTitle("Notice incomplete");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(InvalidWorkException.class)
    ProblemDetail invalidWork(InvalidWorkException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://takedown.dev/problems/work-invalid"));
        problem.setTitle("Work definition invalid");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(CounterNoticeInvalidException.class)
    ProblemDetail invalidCounterNotice(CounterNoticeInvalidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://takedown.dev/problems/counter-notice-incomplete"));
        problem.setTitle("Counter-notice incomplete");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(CaseStateException.class)
    ProblemDetail wrongState(CaseStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://takedown.dev/problems/case-state"));
        problem.setTitle("Not possible at this stage of the case");
        return problem;
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound(CaseNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail conflict(IdempotencyConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create("https://takedown.dev/problems/idempotency-key-reused"));
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }
}
