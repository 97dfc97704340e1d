package dev.takedown.notices.web;

import dev.takedown.evidence.EvidenceRefusedException;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import dev.takedown.notices.CounterNoticeInvalidException;
import dev.takedown.notices.IdempotencyConflictException;
import dev.takedown.notices.NoticeIncompleteException;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for notice intake (every missing element in one response) and the case APIs around it. */
@Order(0)
@RestControllerAdvice(assignableTypes = {NoticeApi.class, UploaderApi.class, EvidenceApi.class})
class NoticeProblems {

    @ExceptionHandler(NoticeIncompleteException.class)
    ProblemDetail incomplete(NoticeIncompleteException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "notice-incomplete", "Notice incomplete", e.getMessage(), e.problems());
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

    /** Refused evidence files, naming the multipart field at fault. */
    @ExceptionHandler(EvidenceRefusedException.class)
    ProblemDetail refused(EvidenceRefusedException e) {
        HttpStatus status =
                switch (e.reason()) {
                    case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                    case TYPE_REFUSED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                    case EMPTY, TOO_MANY, UNSAFE_ARCHIVE -> HttpStatus.BAD_REQUEST;
                };
        return Problems.of(
                status,
                "evidence-" + e.reason().name().toLowerCase().replace('_', '-'),
                "Evidence refused",
                e.getMessage() + "; nothing was stored",
                List.of(new FieldProblem(e.field(), e.getMessage())));
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
