package dev.takedown.evidence.web;

import dev.takedown.kernel.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The case behind an evidence request is not the caller's to read, or no longer takes evidence. */
class CaseRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    private CaseRefusedException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** No such case (or file of it), or not one the caller may see: the two are indistinguishable on purpose. */
    static CaseRefusedException notFound(String what) {
        return new CaseRefusedException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no case " + what);
    }

    static CaseRefusedException closed(String caseId, String status) {
        return new CaseRefusedException(
                HttpStatus.CONFLICT,
                "case-state",
                "Not possible at this stage of the case",
                "case " + caseId + " is " + status + ": closed to new evidence");
    }

    ProblemDetail problem() {
        return Problems.of(status, type, title, getMessage());
    }
}
