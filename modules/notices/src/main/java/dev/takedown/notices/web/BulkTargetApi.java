package dev.takedown.notices.web;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.CaseNotFoundException;
import dev.takedown.notices.CaseStateException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notices/{caseId}/targets} with a CSV ({@code text/csv}) or TSV ({@code text/tab-separated-values})
 * body, one URL per row, optional header {@code url[,account_id]}. The body is read as a stream (never bound to a
 * String), so an upload of 100,000 rows costs a few buffers of heap. Answers {@code 200} with
 * {@code {accepted, duplicates, malformed, errors:[{row, message}]}} (first 1,000 errors; row = line in the file).
 */
@RestController
@RequestMapping(path = "/api/notices", produces = MediaType.APPLICATION_JSON_VALUE)
class BulkTargetApi {

    static final String TSV = "text/tab-separated-values";

    private final BulkTargets bulk;

    BulkTargetApi(BulkTargets bulk) {
        this.bulk = bulk;
    }

    @PostMapping(
            path = "/{caseId}/targets",
            consumes = {"text/csv", TSV})
    BulkTargets.Result upload(@PathVariable String caseId, HttpServletRequest request, Authentication authentication)
            throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        BulkTargets.Format format =
                type.isCompatibleWith(MediaType.parseMediaType(TSV)) ? BulkTargets.Format.TSV : BulkTargets.Format.CSV;
        return bulk.upload(caseId, Caller.of(authentication), request.getInputStream(), format);
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound(CaseNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(CaseStateException.class)
    ProblemDetail wrongState(CaseStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("https://takedown.dev/problems/case-state"));
        problem.setTitle("Not possible at this stage of the case");
        return problem;
    }

    @ExceptionHandler(BulkTargets.TooManyRowsException.class)
    ProblemDetail tooMany(BulkTargets.TooManyRowsException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage() + "; nothing was stored");
        problem.setTitle("Too many rows");
        return problem;
    }
}
