package dev.takedown.kernel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import dev.takedown.kernel.UploadPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body the container refused to parse (a part over {@code spring.servlet.multipart.max-file-size}, a
 * request over its max-request-size, too many parts) fails before any handler is chosen, so no handler's advice
 * sees it, and only one advice may answer it: this one. API callers get problem+json naming the field ({@code file}
 * on the evidence API); a page that takes uploads ({@link UploadPage}, e.g. the bulk upload page) shows its inline
 * message; other requests keep Spring's default answer.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class MultipartProblems {

    private final ObjectMapper json;
    private final ObjectProvider<UploadPage> pages;

    MultipartProblems(ObjectMapper json, ObjectProvider<UploadPage> pages) {
        this.json = json;
        this.pages = pages;
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView refused(MultipartException e, HttpServletRequest request, HttpServletResponse response)
            throws MultipartException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        if (!path.startsWith("/api/")) {
            Optional<ModelAndView> page = tooLarge
                    ? pages.orderedStream()
                            .map(p -> p.tooLarge(path, request, response))
                            .flatMap(Optional::stream)
                            .findFirst()
                    : Optional.empty();
            return page.orElseThrow(() -> e);
        }
        String field = path.matches("/api/cases/[^/]+/evidence") ? "file" : "$";
        HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String message = tooLarge ? "a part or the request is over the upload limit" : "unreadable multipart body";
        ProblemDetail problem = Problems.of(
                status,
                tooLarge ? "upload-too-large" : "multipart-unreadable",
                tooLarge ? "Upload too large" : "Unreadable upload",
                message + "; nothing was stored",
                List.of(new FieldProblem(field, message)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        // an empty view: the answer is written
        return new ModelAndView();
    }
}
