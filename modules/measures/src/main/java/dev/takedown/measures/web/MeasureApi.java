package dev.takedown.measures.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.measures.LiftRefusedException;
import dev.takedown.measures.MeasureNotFoundException;
import dev.takedown.measures.MeasureView;
import dev.takedown.measures.Measures;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestController
@RequestMapping(path = "/api/measures", produces = MediaType.APPLICATION_JSON_VALUE)
class MeasureApi {

    private final Measures measures;

    MeasureApi(Measures measures) {
        this.measures = measures;
    }

    /** The case's measures: those its decisions imposed, then the account measures its strike led to. */
    @GetMapping
    List<MeasureView> forCase(@RequestParam("case_id") String caseId) {
        return Stream.concat(measures.forCase(caseId).stream(), measures.onAccountsAfter(caseId).stream())
                .toList();
    }

    @GetMapping("/{measureId}")
    MeasureView get(@PathVariable String measureId) {
        return measures.find(measureId);
    }

    /**
     * Lifts a measure, e.g. when a moderator finds it was applied in error; refused (409) while the law keeps it, as
     * a US counter-notice does until business day 10.
     */
    @PostMapping(path = "/{measureId}/lift", consumes = MediaType.APPLICATION_JSON_VALUE)
    Object lift(@PathVariable String measureId, @RequestBody LiftRequest request, Principal principal) {
        if (request.reason() == null || request.reason().isBlank()) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Lifting a measure needs a reason");
            problem.setProperty("errors", List.of(Map.of("field", "reason", "message", "the reason is required")));
            return ResponseEntity.badRequest().body(problem);
        }
        return measures.lift(measureId, principal.getName(), request.reason().strip());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LiftRequest(String reason) {}

    @Order(0)
    @RestControllerAdvice(assignableTypes = MeasureApi.class)
    static class Problems {

        @ExceptionHandler(MeasureNotFoundException.class)
        ProblemDetail notFound(MeasureNotFoundException e) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        }

        @ExceptionHandler(LiftRefusedException.class)
        ProblemDetail refused(LiftRefusedException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("The measure must stay for now");
            return problem;
        }
    }
}
