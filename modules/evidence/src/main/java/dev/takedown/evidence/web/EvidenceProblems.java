package dev.takedown.evidence.web;

import dev.takedown.evidence.EvidenceRefusedException;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for the evidence API, naming the multipart field at fault. */
@Order(0)
@RestControllerAdvice(assignableTypes = EvidenceApi.class)
class EvidenceProblems {

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

    @ExceptionHandler(CaseRefusedException.class)
    ProblemDetail caseRefused(CaseRefusedException e) {
        return e.problem();
    }
}
