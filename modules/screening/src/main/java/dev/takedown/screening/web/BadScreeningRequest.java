package dev.takedown.screening.web;

import dev.takedown.kernel.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the screening API refuses, with the status to answer and every problem found. */
class BadScreeningRequest extends RuntimeException {

    private final HttpStatus status;
    private final transient List<FieldProblem> problems;

    BadScreeningRequest(HttpStatus status, List<FieldProblem> problems) {
        super(problems.isEmpty() ? status.getReasonPhrase() : problems.get(0).message());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    HttpStatus status() {
        return status;
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
