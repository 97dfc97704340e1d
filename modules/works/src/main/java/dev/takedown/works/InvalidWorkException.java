package dev.takedown.works;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** A work definition that cannot be registered; every problem is named. */
public class InvalidWorkException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidWorkException(List<FieldProblem> problems) {
        super("Work definition is invalid: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
