package dev.takedown.notices.web;

import dev.takedown.notices.FieldProblem;
import dev.takedown.notices.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body the container refused to parse (a part over {@code spring.servlet.multipart.max-file-size}, a
 * request over its max-request-size, too many parts) fails before any handler is chosen, so no handler's advice
 * sees it. API callers get problem+json naming the field ({@code file} on the evidence API); other requests keep
 * Spring's default answer.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class MultipartProblems {

    @ExceptionHandler(MultipartException.class)
    @ResponseBody
    ResponseEntity<ProblemDetail> refused(MultipartException e, HttpServletRequest request)
            throws MultipartException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
        String field = path.matches("/api/cases/[^/]+/evidence") ? "file" : "$";
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String message = tooLarge ? "a part or the request is over the upload limit" : "unreadable multipart body";
        ProblemDetail problem = Problems.of(status, tooLarge ? "upload-too-large" : "multipart-unreadable",
                tooLarge ? "Upload too large" : "Unreadable upload", message + "; nothing was stored",
                List.of(new FieldProblem(field, message)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
