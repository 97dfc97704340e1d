package dev.takedown.notices;

import dev.takedown.kernel.FieldProblem;
import java.util.List;

/** A party's answer on a case (proof of proceedings, their outcome) is malformed or not allowed; nothing changed. */
public class AnswerInvalidException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public AnswerInvalidException(List<FieldProblem> problems) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
