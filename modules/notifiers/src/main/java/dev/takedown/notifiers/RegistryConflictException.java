package dev.takedown.notifiers;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** The change contradicts the registry as it stands: a revoked entry changed, a credential bound to another entry. */
public class RegistryConflictException extends RuntimeException {

    private final List<FieldProblem> problems;

    public RegistryConflictException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
