package dev.takedown.notices.web;

import dev.takedown.kernel.Problems;
import dev.takedown.notices.AnswerInvalidException;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CounterNoticeInvalidException;
import dev.takedown.notices.IdempotencyConflictException;
import dev.takedown.notices.NoticeIncompleteException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for notice intake (every missing element in one response) and the case APIs around it. */
@Order(0)
@RestControllerAdvice(assignableTypes = {NoticeApi.class, UploaderApi.class, UploaderLinkApi.class})
class NoticeProblems {

    @ExceptionHandler(NoticeIncompleteException.class)
    ProblemDetail incomplete(NoticeIncompleteException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "notice-incomplete", "Notice incomplete", e.getMessage(), e.problems());
    }

    @ExceptionHandler(AnswerInvalidException.class)
    ProblemDetail invalidAnswer(AnswerInvalidException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "answer-invalid", "Not accepted on this case", e.getMessage(), e.problems());
    }

    @ExceptionHandler(CounterNoticeInvalidException.class)
    ProblemDetail invalidCounterNotice(CounterNoticeInvalidException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "counter-notice-incomplete",
                "Counter-notice incomplete",
                e.getMessage(),
                e.problems());
    }

    @ExceptionHandler(CaseStateException.class)
    ProblemDetail wrongState(CaseStateException e) {
        return Problems.of(HttpStatus.CONFLICT, "case-state", "Not possible at this stage of the case", e.getMessage());
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound(CaseNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail conflict(IdempotencyConflictException e) {
        return Problems.of(
                HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage());
    }
}
