package dev.takedown.app;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** A request to the app's own endpoints that names its faulty fields. */
class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidRequestException(List<FieldProblem> problems) {
        super("The request is invalid: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
