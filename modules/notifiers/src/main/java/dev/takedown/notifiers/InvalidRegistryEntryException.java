package dev.takedown.notifiers;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** A registry entry (or revocation) with missing or malformed fields, each named. */
public class InvalidRegistryEntryException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRegistryEntryException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
