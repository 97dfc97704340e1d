package dev.takedown.review;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** The decision request is not well-formed; every problem is named. */
public class InvalidDecisionException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidDecisionException(List<FieldProblem> problems) {
        super("Decision is invalid: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
