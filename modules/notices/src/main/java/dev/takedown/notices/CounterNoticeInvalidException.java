package dev.takedown.notices;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** A counter-notice lacks elements its profile requires; nothing was stored. */
public class CounterNoticeInvalidException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public CounterNoticeInvalidException(List<FieldProblem> problems) {
        super("Counter-notice is incomplete: " + problems.size() + " element(s) missing or invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
