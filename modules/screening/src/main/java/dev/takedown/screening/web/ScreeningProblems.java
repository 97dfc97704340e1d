package dev.takedown.screening.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import dev.takedown.screening.UnreadableImageException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * RFC 9457 answers for the screening API, each with an {@code errors} array naming the field at fault. Oversized
 * bodies are refused from their Content-Length before Jackson reads them.
 */
@Order(0)
@RestControllerAdvice(assignableTypes = ScreeningApi.class)
class ScreeningProblems extends RequestBodyAdviceAdapter {

    /** Room for one 64 KiB prompt even if every character arrives as a six-byte JSON escape. */
    static final long MAX_BODY_BYTES = 6L * ScreeningApi.MAX_PROMPT_BYTES + 4096;

    static final long MAX_BATCH_BODY_BYTES = 16L * 1024 * 1024;

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        boolean batch = List.class.isAssignableFrom(parameter.getParameterType());
        refuseBodyOver(
                batch ? MAX_BATCH_BODY_BYTES : MAX_BODY_BYTES,
                input.getHeaders().getContentLength());
        return input;
    }

    /** A declared body larger than {@code limit} is refused before any of it is read (-1: not declared). */
    static void refuseBodyOver(long limit, long contentLength) {
        if (contentLength > limit) {
            throw new BadScreeningRequest(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    List.of(new FieldProblem("$", "body must be at most " + limit + " bytes")));
        }
    }

    @ExceptionHandler(BadScreeningRequest.class)
    ProblemDetail bad(BadScreeningRequest e) {
        return Problems.of(
                e.status(), "invalid-screening-request", "Invalid screening request", e.getMessage(), e.problems());
    }

    @ExceptionHandler(UnreadableImageException.class)
    ProblemDetail unreadable(UnreadableImageException e) {
        return Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unreadable-image",
                "Unreadable image",
                e.getMessage(),
                List.of(new FieldProblem("image", e.getMessage())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail notReadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof JsonMappingException mapping
                        && !mapping.getPath().isEmpty()
                ? path(mapping)
                : "$";
        String message = e.getCause() instanceof JsonMappingException mapping
                ? mapping.getOriginalMessage()
                : "body is not valid UTF-8 JSON of the expected shape";
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "unreadable-request",
                "Unreadable request",
                "The body is not valid UTF-8 JSON of the expected shape",
                List.of(new FieldProblem(field, message)));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-screening-request",
                "Invalid screening request",
                e.getMessage(),
                List.of(new FieldProblem(e.getRequestPartName(), "is required")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-screening-request",
                "Invalid screening request",
                e.getMessage(),
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
