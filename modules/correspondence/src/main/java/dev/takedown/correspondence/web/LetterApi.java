package dev.takedown.correspondence.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.correspondence.Correspondence;
import dev.takedown.correspondence.LetterNotFoundException;
import dev.takedown.correspondence.LetterStateException;
import dev.takedown.correspondence.LetterView;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import dev.takedown.kernel.TextBounds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Letters that did not arrive, for the moderators who must reach the party another way: the list
 * ({@code GET /api/letters/undelivered}), the same letter to another address ({@code POST …/resend}), and the record
 * that it reached the party by another route ({@code POST …/delivery}), from which periods that run from delivery run.
 * A case's letters are read with the case ({@code GET /api/notices/{id}/letters}).
 */
@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
class LetterApi {

    private final Correspondence correspondence;

    LetterApi(Correspondence correspondence) {
        this.correspondence = correspondence;
    }

    @GetMapping("/undelivered")
    List<LetterView> undelivered() {
        return correspondence.undelivered();
    }

    @PostMapping(path = "/{letterId}/resend", consumes = MediaType.APPLICATION_JSON_VALUE)
    LetterView resend(@PathVariable String letterId, @RequestBody Resend resend, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        if (resend == null || resend.email() == null || resend.email().isBlank()) {
            problems.add(new FieldProblem("email", "the address to send the letter to is required"));
        } else {
            TextBounds.requireWithin("email", resend.email(), 320, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidLetterRequest(problems);
        }
        try {
            return correspondence.resend(
                    letterId, resend.email(), Caller.of(authentication).actor());
        } catch (IllegalArgumentException notAnAddress) {
            throw new InvalidLetterRequest(List.of(new FieldProblem("email", "not an e-mail address")));
        }
    }

    @PostMapping(path = "/{letterId}/delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    LetterView delivery(@PathVariable String letterId, @RequestBody Delivery delivery, Authentication authentication) {
        List<FieldProblem> problems = new ArrayList<>();
        if (delivery == null || delivery.how() == null || delivery.how().isBlank()) {
            problems.add(new FieldProblem("how", "say how the letter reached the recipient"));
        } else {
            TextBounds.requireWithin("how", delivery.how(), 1000, problems);
        }
        Instant at = null;
        if (delivery != null
                && delivery.deliveredAt() != null
                && !delivery.deliveredAt().isBlank()) {
            try {
                at = Instant.parse(delivery.deliveredAt().strip());
            } catch (DateTimeParseException notATime) {
                problems.add(new FieldProblem("delivered_at", "an ISO-8601 instant, e.g. 2025-09-19T08:30:00Z"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidLetterRequest(problems);
        }
        try {
            return correspondence.confirmDelivery(
                    letterId,
                    at,
                    delivery.how().strip(),
                    Caller.of(authentication).actor());
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidLetterRequest(List.of(new FieldProblem("delivered_at", outOfRange.getMessage())));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Resend(String email) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Delivery(String deliveredAt, String how) {}

    static class InvalidLetterRequest extends RuntimeException {

        private final transient List<FieldProblem> problems;

        InvalidLetterRequest(List<FieldProblem> problems) {
            super("invalid request");
            this.problems = problems;
        }
    }

    @Order(0)
    @RestControllerAdvice(assignableTypes = LetterApi.class)
    static class LetterProblems {

        @ExceptionHandler(InvalidLetterRequest.class)
        ProblemDetail invalid(InvalidLetterRequest e) {
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid-letter-request",
                    "Invalid request",
                    "The request is invalid",
                    e.problems);
        }

        @ExceptionHandler(LetterNotFoundException.class)
        ProblemDetail notFound(LetterNotFoundException e) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        }

        @ExceptionHandler(LetterStateException.class)
        ProblemDetail conflict(LetterStateException e) {
            return Problems.of(HttpStatus.CONFLICT, "letter-state", "Not possible for this letter", e.getMessage());
        }
    }
}
