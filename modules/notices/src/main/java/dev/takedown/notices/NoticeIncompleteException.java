package dev.takedown.notices;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** A notice lacks elements its jurisdiction profiles require; nothing was stored. */
public class NoticeIncompleteException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public NoticeIncompleteException(List<FieldProblem> problems) {
        super("Notice is incomplete: " + problems.size() + " element(s) missing or invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
