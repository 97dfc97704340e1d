package dev.takedown.misuse.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.Caller;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.kernel.Problems;
import dev.takedown.misuse.InvalidLiftException;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.NotSuspendedException;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.Standing;
import dev.takedown.misuse.StandingChange;
import dev.takedown.misuse.StandingChangeNotFoundException;
import dev.takedown.misuse.StandingStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Parties' standing under DSA Art. 23 for staff: who is warned, suspended (until when) or terminated, each party's
 * changes with the weighing behind them, and the compliance officer's early lift of a suspension, with reasons.
 */
@RestController
@RequestMapping(path = "/api/standings", produces = MediaType.APPLICATION_JSON_VALUE)
class StandingApi {

    private final Misuse misuse;

    StandingApi(Misuse misuse) {
        this.misuse = misuse;
    }

    /** A party's standing and every change of it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PartyStanding(Standing standing, List<StandingChange> changes) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LiftRequest(String reason) {}

    /** Parties not in good standing, or those in {@code status}. */
    @GetMapping
    List<Standing> list(@RequestParam(name = "status", required = false) String status) {
        return misuse.standings(status == null ? null : parse(StandingStatus.class, "status", status));
    }

    /** One party, by kind ({@code NOTIFIER}, {@code UPLOADER}) and id (query parameters: ids may hold any character). */
    @GetMapping("/party")
    PartyStanding party(@RequestParam(name = "kind") String kind, @RequestParam(name = "id") String id) {
        Party party;
        try {
            party = new Party(parse(Party.Kind.class, "kind", kind), id);
        } catch (IllegalArgumentException badId) {
            throw new BadParameter(new FieldProblem("id", badId.getMessage()));
        }
        return new PartyStanding(misuse.standing(party), misuse.history(party));
    }

    /** Ends the suspension {@code changeId} before its end date; the party is told the reasons. */
    @PostMapping(path = "/suspensions/{changeId}/lift", consumes = MediaType.APPLICATION_JSON_VALUE)
    StandingChange lift(@PathVariable String changeId, @RequestBody LiftRequest request, Authentication user) {
        return misuse.lift(changeId, request.reason(), Caller.of(user).actor());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadParameter(
                    new FieldProblem(field, "one of " + Arrays.toString(type.getEnumConstants()) + ", not " + value));
        }
    }

    /** A query parameter that names no kind or status, or an impossible party id. */
    static class BadParameter extends RuntimeException {

        private final FieldProblem problem;

        BadParameter(FieldProblem problem) {
            super(problem.message());
            this.problem = problem;
        }
    }

    @Order(0)
    @RestControllerAdvice(assignableTypes = StandingApi.class)
    static class StandingProblems {

        @ExceptionHandler(InvalidLiftException.class)
        ResponseEntity<ProblemDetail> invalid(InvalidLiftException e) {
            return problem(Problems.of(
                    HttpStatus.BAD_REQUEST, "standing-request-invalid", "Invalid request", "see errors", e.problems()));
        }

        @ExceptionHandler(BadParameter.class)
        ResponseEntity<ProblemDetail> badParameter(BadParameter e) {
            return problem(Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "standing-request-invalid",
                    "Invalid request",
                    "see errors",
                    List.of(e.problem)));
        }

        @ExceptionHandler(StandingChangeNotFoundException.class)
        ResponseEntity<ProblemDetail> notFound(StandingChangeNotFoundException e) {
            return problem(Problems.of(HttpStatus.NOT_FOUND, "standing-change-not-found", "Not found", e.getMessage()));
        }

        @ExceptionHandler(NotSuspendedException.class)
        ResponseEntity<ProblemDetail> notSuspended(NotSuspendedException e) {
            return problem(Problems.of(HttpStatus.CONFLICT, "not-suspended", "Not suspended", e.getMessage()));
        }

        private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
            return ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
