package dev.takedown.misuse;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** An early lift or a reversal without the reasons the party is owed, or with reasons too long to keep. */
public class InvalidLiftException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidLiftException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
