package dev.takedown.aigc.web;

import dev.takedown.kernel.Problems;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.NoticeIncompleteException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 answers for the AIGC API, as the case APIs give them: every malformed element in one response, and a
 * case the caller may not see is no case.
 */
@Order(0)
@RestControllerAdvice(assignableTypes = {AigcApi.class, UnlabelledOutputApi.class})
class AigcProblems {

    @ExceptionHandler(NoticeIncompleteException.class)
    ProblemDetail incomplete(NoticeIncompleteException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "notice-incomplete", "Notice incomplete", e.getMessage(), e.problems());
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound(CaseNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }
}
